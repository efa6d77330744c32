package cn.fpjc.core.registry;

import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.registry.RegistryViews.HouseholdSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A household's category changed by another module's decision (monitoring: the county's 审定 makes a 一般农户 a 监测户).
 * The registry stays the one writer of its rows: the change comes with its household event (the household's history)
 * and its audit entry. No role check here: the calling workflow has checked who decided; it runs in that decision's
 * transaction, so both are stored or neither.
 */
@ApplicationScoped
public class HouseholdCategoryCommand {
    @Inject
    RegistryService registry;

    @Inject
    AuditLog audit;

    @Inject
    AppClock clock;

    /** Sets the category; nothing happens (no event) when the household has it already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(long householdId, HouseholdCategory to, String reason) {
        Household h = Household.findById(householdId);
        if (h == null) {
            throw new ApiException(PlatformError.NOT_FOUND, "农户");
        }
        if (h.category == to) {
            return;
        }
        HouseholdSnapshot before = registry.snapshot(h);
        String change = h.category.label() + " → " + to.label();
        h.category = to;
        h.updatedAt = clock.now();
        registry.event(h.id, HouseholdEvent.Kind.CATEGORY_CHANGED, null, null, reason == null ? change : change + "：" + reason);
        Household.flush();
        audit.record("CHANGE_CATEGORY", RegistryService.HOUSEHOLD, h.householdNo, before, registry.snapshot(h));
    }
}
