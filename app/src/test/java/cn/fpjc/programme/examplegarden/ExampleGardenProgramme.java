package cn.fpjc.programme.examplegarden;

import cn.fpjc.core.policy.programme.Programme;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Test-only example of a programme module (the author guide's walk-through): 庭院经济示范 with one
 * table of its own. Real programmes live in their own Maven modules; the shape is the same.
 */
@ApplicationScoped
public class ExampleGardenProgramme implements Programme {
    public static final String ID = "example-garden";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "庭院经济示范（示例）";
    }

    @Override
    public Optional<String> changelog() {
        return Optional.of("db/programme/example-garden/changelog.xml");
    }
}
