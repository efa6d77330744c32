package cn.fpjc.ui.common;

import cn.fpjc.admin.user.UserService;
import cn.fpjc.core.platform.security.CurrentUser;
import cn.fpjc.core.registry.RegistryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Names instead of codes on a page: village code → village name and username → display name, each one query per page
 * for the codes the page shows. Templates print {@code villages.get(code) ?: code} and {@code users.get(name) ?: name}.
 */
@ApplicationScoped
public class Names {
    @Inject
    UserService userService;

    @Inject
    CurrentUser user;

    /** Village code → name (RegistryService's lookup). */
    public Map<String, String> villages(Stream<String> codes) {
        return RegistryService.villageNames(codes.filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    /** Username → display name, among the reader's county's users and the staff above counties. */
    public Map<String, String> users(Stream<String> usernames) {
        Set<String> wanted = usernames.filter(Objects::nonNull).collect(Collectors.toSet());
        return userService.displayNames(wanted, user.tenant());
    }
}
