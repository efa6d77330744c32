package cn.fpjc.app.registry;

import cn.fpjc.core.registry.IdNumber;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, fictional ID numbers for tests: region 110101 (never a demo county's), distinct per call. */
public final class Ids {
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 400));

    private Ids() {
    }

    /** A valid number for someone born on yyyymmdd; odd sequence = man, even = woman. */
    public static String of(String yyyymmdd, boolean male) {
        int n = NEXT.incrementAndGet() % 499;
        String first17 = "110101" + yyyymmdd + String.format("%03d", n * 2 + (male ? 1 : 0));
        return first17 + IdNumber.checkChar(first17);
    }

    /** The same number with a wrong check character. */
    static String withBadCheck(String valid) {
        char c = valid.charAt(17) == '0' ? '1' : '0';
        return valid.substring(0, 17) + c;
    }
}
