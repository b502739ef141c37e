package io.tsstudio.testkit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SliceRule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every module checks (through {@link ModuleArchitectureTest}), as plain ArchUnit rules so a
 * test can also run them on a small synthetic class set and see them fail.
 *
 * <p>The engine's API is sealed with these rules rather than a {@code module-info}: JavaFX and JavaCPP sit on the class
 * path (JavaCPP's presets are automatic modules with split packages across their native jars, and JavaFX warns and
 * misbehaves when loaded from the class path of a named module), so JPMS would cost more than it guards. The rules say
 * the same as {@code exports}: no public signature outside an {@code internal} package names an internal type.
 */
public final class ArchitectureRules {
    /**
     * A package dependency that closes a known cycle, allowed with the reason it is there. {@code fromPackage} and
     * {@code toPackage} are exact package names; every class dependency from the one to the other is ignored when
     * looking for cycles, so a new cycle elsewhere, or one that does not use this edge, still fails.
     */
    public record KnownCycle(String fromPackage, String toPackage, String reason) {
        public KnownCycle {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a known cycle needs its reason");
        }
    }

    private ArchitectureRules() {
    }

    /** Each package under {@code rootPackage} (the root itself included) is a slice; the slices form no cycle. */
    public static ArchRule noPackageCycles(String rootPackage, List<KnownCycle> known) {
        SliceRule rule = slices().assignedFrom(packagesUnder(rootPackage)).should().beFreeOfCycles();
        for (KnownCycle k : known) rule = rule.ignoreDependency(resideInAPackage(k.fromPackage()), resideInAPackage(k.toPackage()));
        return rule.because("a package cycle means neither package can be understood, tested or replaced alone"
                + (known.isEmpty() ? "" : "; known exceptions: " + known));
    }

    /**
     * Public classes outside {@code internal} packages name no internal type in a public or protected signature:
     * supertypes, fields, parameters, return types (type arguments included) and throws clauses.
     */
    public static ArchRule noInternalTypesInPublicSignatures() {
        return classes().that().resideOutsideOfPackage("..internal..").and(EFFECTIVELY_PUBLIC)
                .should(exposeNoInternalType())
                .because("internal packages are implementation: callers reach them through the API types only")
                .allowEmptyShould(true);
    }

    /** View models ({@code *ViewModel} and their nested classes) are testable without a toolkit: no scene graph. */
    public static ArchRule viewModelsNeverUseJavafxScene() {
        return noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("a view model holds state and commands; nodes, events and colours belong to its view")
                .allowEmptyShould(true);
    }

    static boolean isInternal(JavaClass type) {
        String p = type.getPackageName();
        return p.endsWith(".internal") || p.contains(".internal.");
    }

    private static final DescribedPredicate<JavaClass> EFFECTIVELY_PUBLIC = DescribedPredicate.describe("are public API", c -> {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC) || k.isAnonymousClass() || k.isLocalClass()) return false;
        }
        return true;
    });

    private static SliceAssignment packagesUnder(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                return p.equals(root) || p.startsWith(root + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages under " + root;
            }
        };
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no internal type in a public signature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                List<String> found = new ArrayList<>();
                c.getRawSuperclass().ifPresent(s -> report(found, "extends", Set.of(s)));
                for (JavaClass i : c.getRawInterfaces()) report(found, "implements", Set.of(i));
                for (JavaMember m : c.getMembers()) {
                    if (!isVisible(m)) continue;
                    if (m instanceof JavaField f) report(found, f.getName(), involved(f.getType()));
                    if (m instanceof JavaCodeUnit u) {
                        Set<JavaClass> types = new LinkedHashSet<>(involved(u.getReturnType()));
                        for (JavaType p : u.getParameterTypes()) types.addAll(involved(p));
                        types.addAll(u.getThrowsClause().getTypes());
                        report(found, u.getName() + "(...)", types);
                    }
                }
                for (String f : found) events.add(SimpleConditionEvent.violated(c, c.getName() + " " + f));
            }
        };
    }

    private static boolean isVisible(JavaMember m) {
        Set<JavaModifier> mods = m.getModifiers();
        return (mods.contains(JavaModifier.PUBLIC) || mods.contains(JavaModifier.PROTECTED)) && !mods.contains(JavaModifier.SYNTHETIC);
    }

    private static Set<JavaClass> involved(JavaType t) {
        return t.getAllInvolvedRawTypes();
    }

    private static void report(List<String> out, String where, Set<JavaClass> types) {
        for (JavaClass t : types) if (isInternal(t)) out.add(where + " exposes " + t.getName());
    }
}
