// Compiles against the installed package's .d.ts (tsconfig.json: strict, skipLibCheck false).
import { type AssessmentDashboard, loadElement } from 'assessment-dashboard';

const dashboard: AssessmentDashboard = document.createElement('assessment-dashboard');
dashboard.setAttribute('src', '/data/cases.csv');
dashboard.configuration = { targets: { 'case.online_apply_rate': 0.6 } };
dashboard.addEventListener('ad-ready', () => {
  const rates = dashboard.results.filter((r) => r.unit === 'percent').map((r) => r.value);
  console.log(rates);
});
document.body.append(dashboard);
await loadElement('assessment-case-list');
