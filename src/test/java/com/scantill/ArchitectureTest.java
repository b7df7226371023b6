package com.scantill;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point one way: ui → app → checkout → ledger, omise → model; scanner → model; the store service's
 * webhooks → ledger, omise → model, started by the app; the simulator stands alone. The words (bundles, dates, the font) serve the UI, the reports and the app, and need nothing. The UI reaches Omise and the simulator only through the app.
 * Only the UI knows JavaFX.
 */
@AnalyzeClasses(packages = "com.scantill", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layersPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("UI").definedBy("com.scantill.ui..")
            .layer("App").definedBy("com.scantill.app..")
            .layer("Checkout").definedBy("com.scantill.checkout..")
            .layer("Operators").definedBy("com.scantill.operators..")
            .layer("Reports").definedBy("com.scantill.reports..")
            .layer("Slips").definedBy("com.scantill.slips..")
            .layer("Ledger").definedBy("com.scantill.ledger..")
            .layer("Webhooks").definedBy("com.scantill.webhooks..")
            .layer("Scanner").definedBy("com.scantill.scanner..")
            .layer("API").definedBy("com.scantill.omise..")
            .layer("Simulator").definedBy("com.scantill.simulator..")
            .layer("Model").definedBy("com.scantill.model..")
            .layer("Words").definedBy("com.scantill.words..")
            .whereLayer("UI").mayNotBeAccessedByAnyLayer()
            .whereLayer("App").mayOnlyBeAccessedByLayers("UI")
            .whereLayer("Checkout").mayOnlyBeAccessedByLayers("UI", "App")
            .whereLayer("Operators").mayOnlyBeAccessedByLayers("UI", "App")
            .whereLayer("Reports").mayOnlyBeAccessedByLayers("UI", "App")
            .whereLayer("Slips").mayOnlyBeAccessedByLayers("UI", "App")
            .whereLayer("Ledger").mayOnlyBeAccessedByLayers("UI", "App", "Checkout", "Operators", "Reports", "Webhooks")
            .whereLayer("Webhooks").mayOnlyBeAccessedByLayers("App")
            .whereLayer("API").mayOnlyBeAccessedByLayers("App", "Checkout", "Webhooks")
            .whereLayer("Scanner").mayOnlyBeAccessedByLayers("UI", "App")
            .whereLayer("Simulator").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("UI", "App", "Checkout", "Operators", "Reports", "Slips", "Ledger", "Scanner", "API", "Webhooks")
            .whereLayer("Words").mayOnlyBeAccessedByLayers("UI", "App", "Reports", "Slips");

    @ArchTest
    static final ArchRule theUiReachesOmiseOnlyThroughTheApp = noClasses().that().resideInAPackage("com.scantill.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("com.scantill.omise..", "com.scantill.simulator..");

    @ArchTest
    static final ArchRule onlyTheUiKnowsJavaFx = noClasses().that().resideOutsideOfPackage("com.scantill.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule theSimulatorStandsAloneSoItCannotShareTheClientsMistakes = noClasses()
            .that().resideInAPackage("com.scantill.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("com.scantill.omise..", "com.scantill.model..");

    @ArchTest
    static final ArchRule noCycles = slices().matching("com.scantill.(*)..").should().beFreeOfCycles();
}
