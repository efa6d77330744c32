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
}
