// The only entry of the server bundle: every export becomes a top-level Apps Script function (build.mjs).
// Nothing here or in any imported module may call a service at load time (see test/bundle/contract.test.ts).
// The справка registers itself as the default report kind (a plain function call, no service).
import './addon/spravka-kind';
export {
  onOpen, onInstall, menuRefreshRoadmap, menuGenerateReportNow, menuRebuildReportSchedule, menuInstallReportTrigger,
  menuRemoveReportTrigger, menuShowReportFailures,
} from './addon/menu';
export { showImportDialog, importSelectionInfo, importPreview, importApply } from './addon/import';
export { refreshRoadmap } from './addon/calendar';
export {
  installReportTrigger, removeReportTrigger, runScheduledReports, generateReportNow, rebuildReportSchedule, checkReportFailures,
  acknowledgeReportFailures,
} from './addon/report-runner';
export {
  setupPeopleBases, menuSetupPeopleBases, checkPeopleBases, menuCheckPeopleBases, showPeopleMappingDialog, peopleMappingSheets,
  peopleMappingSuggest, peopleMappingApply,
} from './addon/people';
export {
  pairingState, pairingCandidates, pairingAssign, pairingAutomatch, pairingApprove, pairingReject, showPairingSidebar,
} from './addon/pairing';
export {
  refreshDashboard, saveIndicatorSnapshot, setupIndicatorSheets, menuRefreshDashboard, menuSaveIndicatorSnapshot, menuSetupIndicatorSheets,
} from './addon/dashboard';
export * from './addon/functions';
