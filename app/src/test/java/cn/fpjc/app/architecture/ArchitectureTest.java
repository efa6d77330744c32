package cn.fpjc.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.fpjc.core.platform.clock.AppClock;
import cn.fpjc.core.platform.error.ErrorCode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules that fail the build: core's modules depend one way (platform ← policy ← registry ←
 * monitoring), core never reaches the control plane, the UI or a plug-in, plug-ins see only the SPI, and no package
 * takes part in a cycle. Production classes only: tests may reach anywhere.
 */
class ArchitectureTest {
    // Checked from plain JUnit tests (not ArchUnit's engine) so that surefire's -Dtest filter runs them like any other test.
    private static final JavaClasses PRODUCT = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("cn.fpjc");

    static final ArchRule modulesDependOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("platform").definedBy("cn.fpjc.core.platform..")
            .layer("policy").definedBy("cn.fpjc.core.policy..")
            .layer("registry").definedBy("cn.fpjc.core.registry..")
            .layer("monitoring").definedBy("cn.fpjc.core.monitoring..")
            .layer("assistance").definedBy("cn.fpjc.core.assistance..")
            .layer("funds").definedBy("cn.fpjc.core.funds..")
            .layer("control plane").definedBy("cn.fpjc.admin..")
            .layer("ui").definedBy("cn.fpjc.ui..")
            .layer("plug-ins").definedBy("cn.fpjc.province..", "cn.fpjc.programme..")
            .layer("embedded").definedBy("cn.fpjc.embedded..")
            .layer("app").definedBy("cn.fpjc.app..")
            .whereLayer("platform").mayNotAccessAnyLayer()
            .whereLayer("policy").mayOnlyAccessLayers("platform")
            .whereLayer("registry").mayOnlyAccessLayers("platform", "policy")
            .whereLayer("monitoring").mayOnlyAccessLayers("platform", "policy", "registry")
            .whereLayer("assistance").mayOnlyAccessLayers("platform", "policy", "registry", "monitoring")
            .whereLayer("funds").mayOnlyAccessLayers("platform", "policy", "registry")
            .whereLayer("control plane").mayOnlyAccessLayers("platform", "policy", "registry", "monitoring", "assistance", "funds")
            .whereLayer("ui").mayOnlyAccessLayers("platform", "policy", "registry", "monitoring", "assistance", "funds", "control plane")
            .whereLayer("plug-ins").mayOnlyAccessLayers("platform", "policy")
            .whereLayer("embedded").mayNotAccessAnyLayer()
            .as("core's modules depend one way (platform ← policy ← registry ← monitoring ← assistance; registry ← funds); core never imports "
                    + "tenant-admin, ui, a plug-in or the embedded database");

    static final ArchRule provincePluginsUseOnlyTheSpi = noClasses().that().resideInAPackage("cn.fpjc.province..")
            .should().dependOnClassesThat(resideInAPackage("cn.fpjc..")
                    .and(not(resideInAnyPackage("cn.fpjc.province..", "cn.fpjc.core.platform.plugin.."))))
            .as("province plug-ins use only the plug-in SPI (cn.fpjc.core.platform.plugin)");

    static final ArchRule noPackageCycles = slices().matching("cn.fpjc.(**)").should().beFreeOfCycles()
            .as("no package of the product takes part in a dependency cycle");

    @Test
    void modulesDependOneWay() {
        modulesDependOneWay.check(PRODUCT);
    }

    @Test
    void provincePluginsUseOnlyTheSpi() {
        provincePluginsUseOnlyTheSpi.check(PRODUCT);
    }

    @Test
    void noPackageCycles() {
        noPackageCycles.check(PRODUCT);
    }

    /** "Now" comes from the injected AppClock only, so tests and the demo can set the date for a county or globally. */
    static final ArchRule timeComesFromTheClock = noClasses().that().doNotBelongToAnyOf(AppClock.class)
            .should().callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time")))))
            .orShould().callMethod(System.class, "currentTimeMillis")
            .as("nothing but AppClock reads the machine's clock (inject AppClock: now(), today(), year())");

    @Test
    void timeComesFromTheClock() {
        timeComesFromTheClock.check(PRODUCT);
    }

    /** Background threads belong to the one mechanism (platform.jobs), which bounds them and stops them with the app. */
    static final ArchRule threadsBelongToBackgroundJobs = noClasses().that().resideOutsideOfPackages("cn.fpjc.core.platform.jobs..", "cn.fpjc.embedded..")
            .should().callMethodWhere(target(owner(assignableTo(java.util.concurrent.Executors.class))))
            .orShould().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould().callConstructorWhere(target(owner(assignableTo(java.util.concurrent.ExecutorService.class))))
            .as("no thread pools or threads outside platform.jobs (BackgroundJobs.submit, CountyJob, SideThread)");

    @Test
    void threadsBelongToBackgroundJobs() {
        threadsBelongToBackgroundJobs.check(PRODUCT);
    }

    /** Clients switch on the code's name, so two modules must never declare the same one. */
    @Test
    void errorCodeNamesAreUniqueAcrossModules() throws Exception {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        int enums = 0;
        for (JavaClass c : PRODUCT) {
            if (c.isEnum() && c.isAssignableTo(ErrorCode.class)) {
                enums++;
                for (Object constant : Class.forName(c.getName()).getEnumConstants()) {
                    String name = ((ErrorCode) constant).name();
                    String before = owner.put(name, c.getSimpleName());
                    if (before != null) {
                        clashes.add(name + " in " + before + " and " + c.getSimpleName());
                    }
                }
            }
        }
        assertTrue(enums >= 5, "expected the error enums of platform, policy, registry, monitoring and the control plane, found " + enums);
        assertEquals(List.of(), clashes);
    }
}
