package cn.fpjc.core.platform.plugin;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

@Path("/api/provinces")
@Authenticated
public class ProvincePluginResource {
    @Inject
    ProvincePluginRegistry registry;

    public record ProvinceView(String id, String provinceCode, String name) {
    }

    /** The provinces this installation can onboard counties for (one per installed plug-in). */
    @GET
    public List<ProvinceView> list() {
        return registry.all().stream().map(p -> new ProvinceView(p.id(), p.provinceCode(), p.displayName())).toList();
    }
}
