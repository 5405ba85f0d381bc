import 'assessment-dashboard';

const dashboard = document.querySelector('assessment-dashboard');
// Objects go in as properties; the element's events are ordinary DOM events.
dashboard.configuration = { targets: { 'case.online_apply_rate': 0.6 } };
dashboard.addEventListener('ad-ready', (event) => {
  const loaded = event.detail.imports.reduce((n, i) => n + i.loaded, 0);
  document.querySelector('[role="status"]').textContent = `已载入 ${loaded} 行`;
});
