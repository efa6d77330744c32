package cn.fpjc.core.monitoring;

import cn.fpjc.core.registry.IncomeLocks;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;

/** Marking a risk eliminated locks the incomes of the periods that began before the marking (000 一(四)2(8)). */
@ApplicationScoped
public class EliminationIncomeLocks implements IncomeLocks {
    @Override
    public Optional<String> lockedBecause(long householdId, LocalDate periodFrom) {
        MonitoringCase c = MonitoringCase.<MonitoringCase>find("householdId = ?1 and parentCaseId is null and riskState = ?2", householdId,
                RiskState.ELIMINATED).firstResult();
        if (c == null || periodFrom.isAfter(c.riskStateOn)) {
            return Optional.empty();
        }
        return Optional.of("该户风险已于" + c.riskStateOn + "消除并标注");
    }

    @Override
    public String lockedCondition(String householdIdColumn, String periodFromExpression) {
        return "EXISTS (SELECT 1 FROM monitoring_case lc WHERE lc.household_id = " + householdIdColumn + " AND lc.parent_case_id IS NULL"
                + " AND lc.risk_state = 'ELIMINATED' AND " + periodFromExpression + " <= lc.risk_state_on)";
    }

    @Override
    public String lockedMessage() {
        return "该户风险已消除并标注，这一统计期的收入已锁定；如需补录或更正，请由县级先回退";
    }
}
