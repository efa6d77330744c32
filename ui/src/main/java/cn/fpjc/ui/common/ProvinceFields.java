package cn.fpjc.ui.common;

import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.policy.form.FormExtensions;
import cn.fpjc.core.policy.form.FormField;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The province's extension fields of a form for the county of this request, for templates whose page has no other use
 * for them: {inject:provinceFields.fields('case')} (the case-opening form on the clue and household pages, the
 * read-only lists of the case page and the plan sheet).
 */
@Named("provinceFields")
@RequestScoped
public class ProvinceFields {
    @Inject
    TenantAccess access;

    @Inject
    FormExtensions forms;

    public List<FormField> fields(String form) {
        var tenant = access.current();
        return forms.fields(tenant.provinceId(), tenant.code(), form);
    }

    /** No values, no errors: a form shown for the first time. */
    public Map<String, String> getNone() {
        return Map.of();
    }

    /** Nothing ticked. */
    public List<String> getNoneList() {
        return List.of();
    }
}
