package cn.fpjc.core.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestLogFilterTest {
    @Test
    void idNumbersInAPathNeverReachTheLog() {
        assertEquals("/api/x/***/y", RequestLogFilter.mask("/api/x/62062119800101123X/y"));
        assertEquals("/api/x/***", RequestLogFilter.mask("/api/x/620621198001011234"));
        assertEquals("/api/x/***", RequestLogFilter.mask("/api/x/620621800101123"));
    }

    @Test
    void ordinaryCodesAreKept() {
        assertEquals("/api/counties/620621/org-units/620621100201", RequestLogFilter.mask("/api/counties/620621/org-units/620621100201"));
        assertEquals("/api/x/12345678901234/y", RequestLogFilter.mask("/api/x/12345678901234/y"), "14 digits are not an ID number");
        assertEquals("/a/***/b/***", RequestLogFilter.mask("/a/123456789012345/b/620621198001011234"), "every run is masked");
    }
}
