// The viewer's time zone, so a request's page can show times where the viewer is.
window.schedulerWeb = {
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone
};
