package cn.fpjc.core.platform.plugin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The JSON files plug-ins and core ship (parameters, procedures, form extensions, the holiday calendar): strict reading
 * (unknown properties are errors, so a typo never passes silently) and loading with checks at startup.
 */
public final class PluginFiles {
    /*
     * Not Quarkus' injected mapper on purpose: the plug-in contract kit and the calendar's unit tests read these files
     * in plain JUnit, without a container, and must read them exactly as the app does; and Quarkus' mapper ignores
     * unknown properties. So one strict reader, for every caller.
     */
    private static final ObjectReader JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().reader();

    private PluginFiles() {
    }

    public static <T> T read(ClassLoader loader, String path, Class<T> type) throws IOException {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("resource not found: " + path);
            }
            return JSON.readValue(in, type);
        }
    }

    /**
     * Reads every plug-in's file of one kind and checks it; a missing, unreadable or failing file
     * stops the application with the plug-in named and every problem listed.
     *
     * @return the files by plug-in id (plug-ins without such a file are left out)
     */
    public static <T> Map<String, T> loadAll(Collection<ProvincePlugin> plugins, String kind,
            Function<ProvincePlugin, Optional<String>> path, Class<T> type, BiFunction<ProvincePlugin, T, List<String>> check) {
        Map<String, T> files = new HashMap<>();
        for (ProvincePlugin plugin : plugins) {
            Optional<String> location = path.apply(plugin);
            if (location.isEmpty()) {
                continue;
            }
            T file;
            try {
                file = read(plugin.getClass().getClassLoader(), location.get(), type);
            } catch (IOException e) {
                throw new IllegalStateException("Province plug-in " + plugin.id() + ": cannot read " + kind + " " + location.get(), e);
            }
            List<String> problems = check.apply(plugin, file);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Province plug-in " + plugin.id() + " " + kind + ": " + String.join("; ", problems));
            }
            files.put(plugin.id(), file);
        }
        return files;
    }
}
