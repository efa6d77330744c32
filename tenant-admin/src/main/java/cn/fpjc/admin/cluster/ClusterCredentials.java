package cn.fpjc.admin.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a cluster's account from where its {@code credentials} reference points, at the moment of connecting: the
 * environment ({@code env:PREFIX}) or a file ({@code file:/path}, e.g. a mounted Kubernetes Secret). Nothing read here is
 * written to a database or a log.
 */
final class ClusterCredentials {
    record Account(String username, String password) {
        @Override
        public String toString() {
            return "Account[" + username + "]";
        }
    }

    private ClusterCredentials() {
    }

    /** Checks the form of a reference; a message in Chinese when it is wrong. */
    static String problem(String reference) {
        if (reference == null || reference.isBlank()) {
            return "请填写账号来源：env:前缀（读取 前缀_USERNAME 和 前缀_PASSWORD 环境变量）或 file:文件路径";
        }
        if (reference.startsWith("env:") && reference.substring(4).matches("[A-Z][A-Z0-9_]{0,63}")) {
            return null;
        }
        if (reference.startsWith("file:/") && reference.length() > 6) {
            return null;
        }
        return "账号来源应为 env:大写前缀 或 file:/绝对路径，而不是 " + reference;
    }

    static Account read(String reference, Map<String, String> environment) throws IOException {
        if (reference.startsWith("env:")) {
            String prefix = reference.substring(4);
            String user = environment.get(prefix + "_USERNAME");
            String password = environment.get(prefix + "_PASSWORD");
            if (user == null || password == null) {
                throw new IOException("环境变量 " + prefix + "_USERNAME 或 " + prefix + "_PASSWORD 未设置");
            }
            return new Account(user, password);
        }
        Path file = Path.of(reference.substring(5));
        if (!Files.isReadable(file)) {
            throw new IOException("账号文件不存在或不可读：" + file);
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        String user = properties.getProperty("username");
        String password = properties.getProperty("password");
        if (user == null || password == null) {
            throw new IOException("账号文件应含 username= 和 password= 两行：" + file);
        }
        return new Account(user.strip(), password.strip());
    }
}
