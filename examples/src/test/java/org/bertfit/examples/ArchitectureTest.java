package org.bertfit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * bertfit's architecture, checked on the main classes of every module (this module sees them all):
 * modules depend downwards only, packages form no cycle, {@code datasets} and {@code evaluation}
 * never see TensorFlow, and a module's {@code internal} packages are its own.
 */
@AnalyzeClasses(packages = "org.bertfit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The modules by root package, each with the bertfit modules its pom.xml depends on. */
  enum Module {
    DATASETS("datasets"),
    EVALUATION("evaluation"),
    MODELS("models", DATASETS, EVALUATION),
    TRAINING("training", MODELS),
    INFERENCE("inference", MODELS),
    CLI("cli", TRAINING, INFERENCE),
    SPARK("spark", CLI, INFERENCE),
    EXAMPLES("examples", TRAINING, SPARK);

    private final String root;
    private final List<Module> dependencies;

    Module(String name, Module... dependencies) {
      this.root = "org.bertfit." + name;
      this.dependencies = Arrays.asList(dependencies);
    }

    String classes() {
      return root + "..";
    }

    /** The modules this one may use: its dependencies and theirs. */
    Set<Module> below() {
      Set<Module> below = EnumSet.noneOf(Module.class);
      Deque<Module> todo = new ArrayDeque<>(dependencies);
      while (!todo.isEmpty()) {
        Module m = todo.pop();
        if (below.add(m)) {
          todo.addAll(m.dependencies);
        }
      }
      return below;
    }
  }

  @ArchTest
  static final ArchRule modulesDependDownwardsOnly = layers();

  @ArchTest
  static final ArchRule modulesFormNoCycle = slices().matching("org.bertfit.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule packagesOfAModuleFormNoCycle =
      CompositeArchRule.of(
          Arrays.stream(Module.values())
              .map(m -> slices().matching(m.root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true))
              .toList());

  @ArchTest
  static final ArchRule datasetsAndEvaluationDoNotUseTensorFlow =
      noClasses()
          .that()
          .resideInAnyPackage(Module.DATASETS.classes(), Module.EVALUATION.classes())
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.tensorflow..");

  @ArchTest
  static final ArchRule internalPackagesStayInTheirModule =
      CompositeArchRule.of(
          Arrays.stream(Module.values())
              .map(
                  m ->
                      noClasses()
                          .that()
                          .resideOutsideOfPackage(m.classes())
                          .should()
                          .dependOnClassesThat()
                          .resideInAPackage(m.root + "..internal.."))
              .toList());

  /**
   * Spark scores and evaluates through {@code inference}; it reaches {@code training} only through
   * cli's option classes on its class path, and its own code never uses it.
   */
  @ArchTest
  static final ArchRule sparkUsesInferenceNotTraining =
      noClasses()
          .that()
          .resideInAPackage(Module.SPARK.classes())
          .should()
          .dependOnClassesThat()
          .resideInAPackage(Module.TRAINING.classes());

  private static ArchRule layers() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (Module m : Module.values()) {
      layers = layers.layer(m.name()).definedBy(m.classes());
    }
    for (Module m : Module.values()) {
      String[] below = m.below().stream().map(Module::name).toArray(String[]::new);
      layers =
          below.length == 0
              ? layers.whereLayer(m.name()).mayNotAccessAnyLayer()
              : layers.whereLayer(m.name()).mayOnlyAccessLayers(below);
    }
    return layers;
  }
}
