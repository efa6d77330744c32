package cn.fpjc.app.security;

import cn.fpjc.app.security.TenantEndpointAccessTest.Endpoint;
import java.util.List;

/**
 * The national system's rows of the access matrix. The export is read by county, township and village staff in their scope
 * (not a write: NationalSystemTest checks that officials and departments get 403 and a clerk sees only the village); the
 * 数据比对 upload is multipart and has its own row in {@code uploadIsGuardedLikeEveryEndpoint}.
 */
final class NationalEndpoints {
    private NationalEndpoints() {
    }

    static final List<Endpoint> NATIONAL = List.of(
            new Endpoint("GET", "/api/counties/410225/monitoring/national-export.xlsx", null, false));
}
