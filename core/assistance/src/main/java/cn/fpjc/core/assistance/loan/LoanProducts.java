package cn.fpjc.core.assistance.loan;

import cn.fpjc.core.policy.param.EffectiveParameter;
import cn.fpjc.core.policy.param.EffectiveParameters;
import cn.fpjc.core.policy.param.ParameterOrigin;
import cn.fpjc.core.registry.HouseholdCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;

/**
 * Builds each loan product from the parameters in force for a county in a year. A limit the policy has not set for a
 * required rule is refused (PARAMETER_NOT_SET), never guessed; optional rules (top-up, overdue-rate limit) are simply absent.
 */
@ApplicationScoped
public class LoanProducts {
    public static final String MICRO = "micro";
    static final String MICRO_CATEGORIES_SOURCE = "000 “三落实一巩固”（十一）“脱贫人口（含监测对象）小额信贷要做到应贷尽贷”；001 第三部分三 5.①“对符合条件且有意愿的脱贫人口和监测对象应贷尽贷”";
    static final String MICRO_RENEWAL_SOURCE = "000 金融帮扶 一、4“脱贫人口小额信贷可续贷或展期1次”";

    @Inject
    EffectiveParameters parameters;

    /** 脱贫人口小额信贷: loan.micro.* parameters; borrowers from 脱贫户 and 监测户. */
    public LoanProduct micro(String provinceId, String county, int year) {
        return new LoanProduct(MICRO, "脱贫人口小额信贷", null,
                required(provinceId, county, "loan.micro.max-amount", year),
                optional(provinceId, county, "loan.micro.max-amount-with-addon", year),
                required(provinceId, county, "loan.micro.max-years", year),
                null,
                required(provinceId, county, "loan.micro.renewals-max", year),
                EnumSet.of(RenewalKind.RENEWAL, RenewalKind.EXTENSION), MICRO_RENEWAL_SOURCE,
                required(provinceId, county, "loan.micro.full-subsidy-up-to", year),
                required(provinceId, county, "loan.micro.subsidy-share", year),
                required(provinceId, county, "loan.micro.borrower-age", year),
                EnumSet.of(HouseholdCategory.POVERTY_ALLEVIATED, HouseholdCategory.MONITORED), MICRO_CATEGORIES_SOURCE,
                optional(provinceId, county, "loan.micro.overdue-rate-max", year));
    }

    public LoanProduct product(String code, String provinceId, String county, int year) {
        if (MICRO.equals(code)) {
            return micro(provinceId, county, year);
        }
        throw new cn.fpjc.core.platform.error.ApiException(cn.fpjc.core.platform.error.PlatformError.NOT_FOUND, "贷款产品 " + code);
    }

    private LoanProduct.LoanRule required(String provinceId, String county, String key, int year) {
        parameters.require(provinceId, county, key, year);
        return optional(provinceId, county, key, year);
    }

    private LoanProduct.LoanRule optional(String provinceId, String county, String key, int year) {
        EffectiveParameter p = parameters.resolve(provinceId, county, key, year);
        if (p.origin() == ParameterOrigin.NOT_SET) {
            return null;
        }
        return new LoanProduct.LoanRule(key, p.label(), p.value(), p.source());
    }
}
