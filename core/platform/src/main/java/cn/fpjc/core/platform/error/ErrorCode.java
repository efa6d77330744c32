package cn.fpjc.core.platform.error;

/**
 * A stable machine code for an error the API returns, with its HTTP status and the Chinese message shown to
 * people. Each module declares its own codes as an enum implementing this ({@link PlatformError},
 * PolicyError, RegistryError, MonitoringError, AdminError, …), so no single enum is every module's hotspot;
 * names are unique across all of them. Clients switch on {@link #name()}, never on the message.
 */
public interface ErrorCode {
    String name();

    int status();

    String message();
}
