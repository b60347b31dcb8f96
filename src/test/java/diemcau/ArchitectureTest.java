package diemcau;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The package graph points one way: {@code diemcau} itself ({@code Main}, {@code Server},
 * {@code Settings}) at the top, the features below it, then the web edge and the live hub, then
 * the command pipe, the store and the event file. The tools ({@code bench}, {@code simulate})
 * ship in the jar and may use the server's packages, but no server package uses them; only
 * {@code Main} dispatches to them.
 */
@DisplayName("the package graph")
class ArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("diemcau");

  @Test
  @DisplayName("has no cycle between packages (the root package, diemcau, counted as one)")
  void noCycle() {
    slices().matching("diemcau.(**)").should().beFreeOfCycles().check(MAIN);
    // the root package is not a slice of "diemcau.(**)": nothing below it may point up to it
    noClasses().that().resideOutsideOfPackage("diemcau")
        .should().dependOnClassesThat().resideInAPackage("diemcau")
        .because("Main, Server and Settings compose everything; nothing below them may depend on them")
        .check(MAIN);
  }

  @Test
  @DisplayName("keeps the tools (bench, simulate) out of every server package")
  void toolsStayTools() {
    noClasses().that().resideOutsideOfPackages("diemcau", "diemcau.bench..", "diemcau.simulate..")
        .should().dependOnClassesThat().resideInAnyPackage("diemcau.bench..", "diemcau.simulate..")
        .check(MAIN);
    noClasses().that().resideInAPackage("diemcau").and().doNotHaveSimpleName("Main")
        .should().dependOnClassesThat().resideInAnyPackage("diemcau.bench..", "diemcau.simulate..")
        .because("only Main dispatches to the tools")
        .check(MAIN);
  }
}
