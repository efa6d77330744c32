package cn.fpjc.ui.assistance;

import cn.fpjc.core.platform.error.ErrorBody.FieldError;
import cn.fpjc.core.platform.org.OrgUnitService;
import cn.fpjc.core.platform.org.OrgUnitView;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.ui.common.Forms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the two loan pages share: village names instead of codes, and the numbers their forms send. */
@ApplicationScoped
public class LoanPages {
    @Inject
    CurrentUser user;

    @Inject
    OrgUnitService orgUnits;

    /** Code → name of the org units the reader sees (a loan's village is shown by name). */
    Map<String, String> villageNames() {
        Map<String, String> names = new HashMap<>();
        for (OrgUnitView u : orgUnits.listVisible(user.orgCode())) {
            names.put(u.code(), u.name());
        }
        return names;
    }

    /** An amount or rate as typed (thousands separators allowed); blank is null (the service names what is missing). */
    static BigDecimal decimal(MultivaluedMap<String, String> form, String name, String message, List<FieldError> errors) {
        String t = Forms.text(form, name);
        if (t == null) {
            return null;
        }
        try {
            return new BigDecimal(t.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, message));
            return null;
        }
    }

    /** A whole number as typed (months); blank is null. */
    static Integer whole(MultivaluedMap<String, String> form, String name, String message, List<FieldError> errors) {
        String t = Forms.text(form, name);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, message));
            return null;
        }
    }
}
