package cn.fpjc.core.assistance.payment;

import cn.fpjc.core.assistance.payment.PaymentRequests.AccountInput;
import cn.fpjc.core.assistance.payment.PaymentViews.AccountView;
import cn.fpjc.core.assistance.payment.PaymentViews.Outcome;
import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.error.Versions;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import cn.fpjc.core.registry.Household;
import cn.fpjc.core.registry.Member;
import cn.fpjc.core.registry.RegistryError;
import cn.fpjc.core.registry.RegistryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The household's 惠民惠农“一卡通” account: set and corrected by the registry's writers within their org scope (a village
 * clerk for the village's households), read by them and by the county's payment staff; every change audited with the
 * masked number only. The number is stored encrypted ({@link AccountCipher}) and masked.
 */
@ApplicationScoped
public class HouseholdAccountService {
    /** Who reads the account (masked): the registry's readers and the county's finance staff. */
    static final String[] READERS = { Roles.COUNTY_ADMIN, Roles.COUNTY_APPROVER, Roles.TOWNSHIP_REVIEWER, Roles.VILLAGE_CLERK,
            Roles.RESPONSIBLE_OFFICIAL, Roles.COUNTY_FINANCE };

    @Inject
    CurrentUser user;

    @Inject
    AppClock clock;

    @Inject
    AuditLog audit;

    @Inject
    AccountCipher cipher;

    @Transactional
    public AccountView get(long householdId) {
        user.requireAnyRole(READERS);
        Household h = visible(householdId);
        HouseholdAccount a = find(h.id).orElseThrow(() -> new ApiException(PaymentError.PAYMENT_ACCOUNT_NOT_SET, h.householdNo));
        return view(h, a);
    }

    /** Sets (first time) or corrects the account; a correction sends the version it read. */
    @Transactional
    public Outcome<AccountView> set(long householdId, AccountInput in) {
        user.requireAnyRole(RegistryService.WRITERS);
        Household h = visible(householdId);
        if (!h.active) {
            throw new ApiException(RegistryError.HOUSEHOLD_CLOSED, h.householdNo);
        }
        if (in == null) {
            in = new AccountInput(null, null, null, null);
        }
        List<FieldError> errors = new ArrayList<>();
        Member holder = null;
        if (in.holderMemberId() == null) {
            errors.add(new FieldError("holderMemberId", "请选择持卡人（本户成员）"));
        } else {
            holder = Member.findById(in.holderMemberId());
            if (holder == null || !holder.householdId.equals(h.id) || !holder.active) {
                errors.add(new FieldError("holderMemberId", "持卡人应为本户在册成员"));
            }
        }
        String bank = in.bankName() == null ? "" : in.bankName().strip();
        if (bank.isEmpty()) {
            errors.add(new FieldError("bankName", "请填写开户银行"));
        } else if (bank.length() > 64) {
            errors.add(new FieldError("bankName", "开户银行不超过64字"));
        }
        Optional<String> number = AccountCipher.normalise(in.accountNo());
        if (number.isEmpty()) {
            errors.add(new FieldError("accountNo", "一卡通账号应为8—32位数字"));
        }
        HouseholdAccount a = find(h.id).orElse(null);
        if (a != null) {
            Versions.check(a.version, in.version());
        }
        ApiException.refuseIfAny(errors);
        boolean created = a == null;
        AccountView before = created ? null : view(h, a);
        if (created) {
            a = new HouseholdAccount();
            a.householdId = h.id;
            a.createdAt = clock.now();
            a.createdBy = user.username();
        }
        boolean changed = created || !a.holderMemberId.equals(holder.id) || !a.bankName.equals(bank)
                || !cipher.decrypt(a.accountCipher).equals(number.get());
        if (changed) {
            a.holderMemberId = holder.id;
            a.bankName = bank;
            a.accountCipher = cipher.encrypt(number.get());
            a.accountMasked = AccountCipher.mask(number.get());
            a.updatedAt = clock.now();
            a.updatedBy = user.username();
            a.persist();
            HouseholdAccount.flush();
        }
        AccountView after = view(h, a);
        if (changed) {
            audit.record(created ? "CREATE" : "UPDATE", "household_account", String.valueOf(h.id), before, after);
        }
        return new Outcome<>(after, created);
    }

    static Optional<HouseholdAccount> find(long householdId) {
        return HouseholdAccount.find("householdId", householdId).firstResultOptional();
    }

    Household visible(long householdId) {
        Household h = Household.findById(householdId);
        if (h == null || !OrgScope.covers(user.orgCode(), h.villageCode)) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        return h;
    }

    static AccountView view(Household h, HouseholdAccount a) {
        Member holder = Member.findById(a.holderMemberId);
        return new AccountView(h.id, h.householdNo, a.holderMemberId, holder == null ? null : holder.name, a.bankName, a.accountMasked,
                a.updatedAt, a.updatedBy, a.version);
    }
}
