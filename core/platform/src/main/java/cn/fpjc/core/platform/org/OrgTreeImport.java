package cn.fpjc.core.platform.org;

import cn.fpjc.core.platform.error.ApiException;
import cn.fpjc.core.platform.error.PlatformError;
import cn.fpjc.core.platform.files.FileLimits;
import cn.fpjc.core.platform.files.HeaderTable;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.platform.security.OrgScope;
import cn.fpjc.core.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A new county's 乡镇/村 tree from a sheet (.xlsx or .csv) with the columns 代码 and 名称, one unit a row, in any order:
 * townships (code ending 000) are added before villages, each row on its own (one refusal does not undo the others), and
 * the answer reports every row — 已添加, 已存在 (same code and name: nothing to do), or why it was refused.
 */
@ApplicationScoped
public class OrgTreeImport {
    static final int MAX_ROWS = 5000;
    static final HeaderTable.Spec SPEC = new HeaderTable.Spec("org tree file", Map.of("代码", "code", "行政区划代码", "code", "名称", "name",
            "乡镇或村名称", "name"), List.of("code", "name"), "第一行应为表头，且须有“代码”“名称”两列（乡镇代码以000结尾）", MAX_ROWS,
            "一次最多导入" + MAX_ROWS + "行，请分批", "没有添加任何乡镇或村");

    @Inject
    OrgUnitService units;

    @Inject
    cn.fpjc.core.platform.tx.DeadlockRetry retry;

    @Inject
    CurrentUser user;

    @Inject
    cn.fpjc.core.platform.error.DatabaseRefusals refusals;

    /** One row's outcome, named by its row number, code and name. */
    public record RowResult(int rowNo, String code, String name, boolean ok, String message) {
    }

    public List<RowResult> importTree(String countyCode, Path file, String fileName, FileLimits limits) {
        if (!user.hasRole(Roles.COUNTY_ADMIN) || !OrgScope.isCounty(user.orgCode())) {
            throw new ApiException(PlatformError.FORBIDDEN, "乡镇和村由县级管理员维护");
        }
        List<String[]> rows = new ArrayList<>();
        HeaderTable.read(file, fileName, limits, SPEC, r -> rows.add(new String[] { String.valueOf(r.rowNo()),
                r.text("code") == null ? "" : r.text("code").strip(), r.text("name") == null ? "" : r.text("name").strip() }));
        // Townships first, so that a village's township exists by the time the village is added.
        rows.sort(Comparator.comparing((String[] r) -> !OrgScope.isTownship(r[1])).thenComparing(r -> Integer.parseInt(r[0])));
        List<RowResult> results = new ArrayList<>();
        for (String[] r : rows) {
            int rowNo = Integer.parseInt(r[0]);
            String code = r[1];
            String name = r[2];
            if (name.length() > 100) {
                results.add(new RowResult(rowNo, code, name.substring(0, 20) + "…", false, "名称不能超过100个字"));
                continue;
            }
            try {
                boolean same = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findByCode(code).map(u -> u.name.equals(name)).orElse(false));
                if (same) {
                    results.add(new RowResult(rowNo, code, name, true, "已存在"));
                    continue;
                }
                retry.run("OrgTreeImport.create", () -> QuarkusTransaction.requiringNew()
                        .call(() -> units.create(countyCode, new OrgUnitRequests.Create(code, name))));
                results.add(new RowResult(rowNo, code, name, true, "已添加"));
            } catch (RuntimeException failure) {
                // A refusal, or what the database refused (the same code added at the same moment): reported for the row.
                ApiException e = failure instanceof ApiException a ? a : refusals.refusal(failure).orElseThrow(() -> failure);
                results.add(new RowResult(rowNo, code, name, false, e.humanMessage()));
            }
        }
        results.sort(Comparator.comparingInt(RowResult::rowNo));
        return results;
    }
}
