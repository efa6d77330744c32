package cn.fpjc.core.platform.web;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** File downloads: a Chinese file name survives every browser only as RFC 5987 {@code filename*=UTF-8''…}. */
public final class Downloads {
    private Downloads() {
    }

    public static Response attachment(Response.ResponseBuilder ok, String fileName) {
        return ok.header("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20")).build();
    }
}
