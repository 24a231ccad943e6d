// The pane's actions, loaded on first use: judging, writing the plan, the report and its charts
// are most of the add-in's code, and the pane (settings, the set, the functions) is ready before
// any of it is needed. Same names and signatures as excelAdapter.ts.
import type * as Adapter from "./excelAdapter.js";

const adapter = () => import(/* webpackChunkName: "actions" */ "./excelAdapter.js");

export const evaluateActiveSheet: typeof Adapter.evaluateActiveSheet = async (...a) => (await adapter()).evaluateActiveSheet(...a);
export const clearHighlights: typeof Adapter.clearHighlights = async (...a) => (await adapter()).clearHighlights(...a);
export const saveResults: typeof Adapter.saveResults = async (...a) => (await adapter()).saveResults(...a);
export const createSetSheet: typeof Adapter.createSetSheet = async (...a) => (await adapter()).createSetSheet(...a);
export const createAssignmentSheet: typeof Adapter.createAssignmentSheet = async (...a) => (await adapter()).createAssignmentSheet(...a);
