package cn.fpjc.programme.examplegarden;

import cn.fpjc.core.policy.form.FormExtensions;
import cn.fpjc.core.platform.tenancy.TenantAccess;
import cn.fpjc.core.platform.tenancy.TenantInfo;
import cn.fpjc.core.policy.programme.Programmes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The example programme's page: its form, with the province's extension fields rendered by the shared formfields tag. */
@Path("/programmes/example-garden/new")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class GardenPlotPage {
    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance form();
    }

    @Inject
    TenantAccess access;

    @Inject
    Programmes programmes;

    @Inject
    FormExtensions extensions;

    @GET
    public TemplateInstance form() {
        TenantInfo tenant = access.bind(null);
        programmes.requireEnabled(ExampleGardenProgramme.ID);
        return Templates.form().data("fields", extensions.fields(tenant.provinceId(), tenant.code(), GardenPlotResource.FORM))
                .data("values", Map.of("irrigation", "喷灌")).data("errors", Map.of("plantedOn", "示例错误"));
    }
}
