package dev.parley.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** No package cycles, at three scales. Factories take a {@link ParleyLayout}; see LayerRules. */
final class CycleRules {

  private CycleRules() {}

  /** Between the domain's sub-packages (room, message, member, ...). */
  static ArchRule domainIsFreeOfCycles(ParleyLayout layout) {
    return slices().matching(layout.domainSlices()).should().beFreeOfCycles();
  }

  /** Between the application's packages (port.in, port.out, service, error, ...). */
  static ArchRule applicationIsFreeOfCycles(ParleyLayout layout) {
    return slices().matching(layout.applicationSlices()).should().beFreeOfCycles();
  }

  /** Between the top-level areas: domain, application, testkit, adapter, protocol, sample. */
  static ArchRule topLevelAreasAreFreeOfCycles(ParleyLayout layout) {
    return slices().matching(layout.topLevelSlices()).should().beFreeOfCycles();
  }
}
