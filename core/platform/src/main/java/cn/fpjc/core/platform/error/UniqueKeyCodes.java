package cn.fpjc.core.platform.error;

import java.util.Map;

/**
 * A module's unique keys and the error each one means when a write hits it: the database closes a race (two requests
 * both passing a check before their insert), and the loser gets the module's own 409 instead of a 500. Each module
 * declares its keys in a bean implementing this, so the platform maps them without knowing the modules.
 */
public interface UniqueKeyCodes {
    /** Constraint (index) name, as in the module's changelog → the code to answer with. */
    Map<String, ErrorCode> uniqueKeys();
}
