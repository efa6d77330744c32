package cn.fpjc.core.policy.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** How parameter values are checked by type: what a plug-in author may write, and what is refused. */
class ParamTypeTest {

    @Test
    void wellFormedValuesPass() {
        assertNull(ParamType.MONEY.problem("14000"));
        assertNull(ParamType.MONEY.problem("54.17"));
        assertNull(ParamType.PERCENT.problem("79.17"));
        assertNull(ParamType.AREA.problem("13.5"));
        assertNull(ParamType.MONTH_DAY.problem("03-31"));
        assertNull(ParamType.BOOLEAN.problem("true"));
        assertNull(ParamType.BOOLEAN.problem("false"));
        assertNull(ParamType.WORKING_DAYS.problem("5"));
    }

    @Test
    void malformedValuesAreRefusedWithAReason() {
        assertNotNull(ParamType.MONEY.problem("1.005"));
        assertNotNull(ParamType.MONEY.problem("-1"));
        assertNotNull(ParamType.PERCENT.problem("101"));
        assertNotNull(ParamType.AREA.problem("-3"));
        assertNotNull(ParamType.MONTH_DAY.problem("02-30"));
        assertNotNull(ParamType.BOOLEAN.problem("yes"));
        assertNotNull(ParamType.BOOLEAN.problem("是"));
        assertNotNull(ParamType.DAY_OF_MONTH.problem("32"));
        assertNotNull(ParamType.COUNT.problem("1.5"));
        assertNotNull(ParamType.TEXT.problem(" "));
    }

    @Test
    void yesOrNoIsShownInChinese() {
        assertEquals("是", ParamType.BOOLEAN.display("true"));
        assertEquals("否", ParamType.BOOLEAN.display("false"));
        assertEquals("03-31", ParamType.MONTH_DAY.display("03-31"));
    }
}
