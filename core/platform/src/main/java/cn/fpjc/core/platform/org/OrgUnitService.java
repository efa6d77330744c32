package cn.fpjc.core.platform.org;

import cn.fpjc.core.platform.error.Versions;
import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.PlatformError;

import cn.fpjc.core.platform.audit.AuditLog;
import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.security.OrgScope;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** The county's org tree: townships and villages below the tenant county. */
@ApplicationScoped
public class OrgUnitService {
    @Inject
    AppClock clock;

    static final String ENTITY = "org_unit";

    @Inject
    AuditLog audit;

    /** Units the user's org unit covers, ordered by code (townships before their villages). */
    public List<OrgUnitView> listVisible(String userOrg) {
        String prefix = OrgScope.likePrefix(userOrg);
        List<OrgUnit> units = prefix.endsWith("%")
                ? OrgUnit.list("code like ?1", Sort.ascending("code"), prefix)
                : OrgUnit.list("code = ?1 or code = ?2", Sort.ascending("code"), userOrg, OrgScope.townshipOf(userOrg));
        return units.stream().map(OrgUnitView::of).toList();
    }

    public OrgUnitView get(String userOrg, String code) {
        if (!OrgScope.covers(userOrg, code) && !(OrgScope.isVillage(userOrg) && OrgScope.townshipOf(userOrg).equals(code))) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        return OrgUnitView.of(OrgUnit.findByCode(code).orElseThrow(() -> new ApiException(PlatformError.NOT_FOUND)));
    }

    @Transactional
    public OrgUnitView create(String countyCode, OrgUnitRequests.Create request) {
        String code = request.code();
        OrgLevel level;
        String parent = null;
        if (code == null || !code.matches("\\d{12}")) {
            throw new ApiException(PlatformError.ORG_UNIT_CODE_INVALID);
        }
        if (request.name() == null || request.name().isBlank()) {
            throw new ApiException(PlatformError.VALIDATION_FAILED, "请填写名称");
        }
        if (!code.startsWith(countyCode)) {
            throw new ApiException(PlatformError.ORG_UNIT_CODE_INVALID, "代码前6位应为本县代码 " + countyCode);
        } else if (OrgScope.isTownship(code)) {
            level = OrgLevel.TOWNSHIP;
        } else if (OrgScope.isVillage(code)) {
            level = OrgLevel.VILLAGE;
            parent = OrgScope.townshipOf(code);
            // Lock the township row so it cannot be deleted while its village is being added.
            if (!lockByCode(parent)) {
                throw new ApiException(PlatformError.ORG_UNIT_PARENT_MISSING, "应先添加乡镇 " + parent);
            }
        } else {
            throw new ApiException(PlatformError.ORG_UNIT_CODE_INVALID, "第7—9位为乡镇、第10—12位为村，乡镇代码以000结尾");
        }
        if (OrgUnit.count("code", code) > 0) {
            throw new ApiException(PlatformError.ORG_UNIT_EXISTS, code);
        }
        OrgUnit unit = new OrgUnit();
        unit.code = code;
        unit.name = request.name().strip();
        unit.level = level;
        unit.parentCode = parent;
        unit.createdAt = clock.now();
        unit.updatedAt = unit.createdAt;
        unit.persistAndFlush();
        OrgUnitView view = OrgUnitView.of(unit);
        audit.record("CREATE", ENTITY, code, null, view);
        return view;
    }

    @Transactional
    public OrgUnitView rename(String code, OrgUnitRequests.Rename request) {
        OrgUnit unit = OrgUnit.findByCode(code).orElseThrow(() -> new ApiException(PlatformError.NOT_FOUND));
        Versions.check(unit.version, request.version());
        OrgUnitView before = OrgUnitView.of(unit);
        unit.name = request.name().strip();
        unit.updatedAt = clock.now();
        unit.persistAndFlush();
        OrgUnitView after = OrgUnitView.of(unit);
        audit.record("UPDATE", ENTITY, code, before, after);
        return after;
    }

    /**
     * Row lock by plain SELECT … FOR UPDATE: Hibernate's MySQL 8 dialect writes "FOR UPDATE OF alias",
     * which MariaDB rejects, and the product runs on both.
     */
    private static boolean lockByCode(String code) {
        return !OrgUnit.getEntityManager().createNativeQuery("SELECT id FROM org_unit WHERE code = ?1 FOR UPDATE")
                .setParameter(1, code).getResultList().isEmpty();
    }

    @Transactional
    public void delete(String code) {
        if (!lockByCode(code)) {
            throw new ApiException(PlatformError.NOT_FOUND);
        }
        OrgUnit unit = OrgUnit.findByCode(code).orElseThrow(() -> new ApiException(PlatformError.NOT_FOUND));
        if (unit.level == OrgLevel.TOWNSHIP && OrgUnit.count("parentCode", code) > 0) {
            throw new ApiException(PlatformError.ORG_UNIT_HAS_CHILDREN);
        }
        OrgUnitView before = OrgUnitView.of(unit);
        unit.delete();
        audit.record("DELETE", ENTITY, code, before, null);
    }
}
