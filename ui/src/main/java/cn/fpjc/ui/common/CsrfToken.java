package cn.fpjc.ui.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.security.SecureRandom;
import java.util.Base64;

/** This request's CSRF token, for the hidden field every page form carries: {inject:csrf.token}. Set by {@link CsrfProtection}. */
@Named("csrf")
@RequestScoped
public class CsrfToken {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes, base64url without padding. */
    static final int LENGTH = 43;

    private String token;
    private boolean fresh;

    public String getToken() {
        if (token == null) {
            use(null);
        }
        return token;
    }

    /** Keeps the browser's token when it sent a well-formed one, else makes a new one (to be set as a cookie). */
    void use(String fromCookie) {
        if (fromCookie != null && fromCookie.length() == LENGTH && fromCookie.matches("[A-Za-z0-9_-]+")) {
            token = fromCookie;
            fresh = false;
        } else {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            fresh = true;
        }
    }

    boolean fresh() {
        return fresh;
    }
}
