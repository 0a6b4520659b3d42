/* Filters for the findings of a secreview HTML review. Without this script every finding shows. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('review-data').textContent);
  var bar = document.getElementById('filters');
  if (!bar || data.findings.length === 0) return;

  function choice(name, label, everything, options) {
    var field = document.createElement('label');
    field.className = 'filter';
    var caption = document.createElement('span');
    caption.textContent = label;
    var select = document.createElement('select');
    select.name = name;
    [{ value: '', text: everything }].concat(options).forEach(function (option) {
      var element = document.createElement('option');
      element.value = option.value;
      element.textContent = option.text;
      select.appendChild(element);
    });
    field.appendChild(caption);
    field.appendChild(select);
    bar.appendChild(field);
    return select;
  }

  var severity = choice('severity', 'Severity', 'All severities', data.severities.map(function (s) {
    return { value: s, text: s };
  }));
  var cwe = choice('cwe', 'CWE', 'All CWEs', data.cwes.map(function (c) {
    return { value: String(c.id), text: c.label };
  }));
  var file = choice('file', 'File', 'All files', data.files.map(function (f) {
    return { value: f.id, text: f.path };
  }));
  var reset = document.createElement('button');
  reset.type = 'button';
  reset.textContent = 'Show all';
  bar.appendChild(reset);
  var status = document.createElement('p');
  status.className = 'filter-status';
  status.setAttribute('role', 'status');
  bar.appendChild(status);
  var nothing = document.getElementById('no-match');

  function matches(finding) {
    return (severity.value === '' || finding.severity === severity.value)
      && (cwe.value === '' || String(finding.cwe) === cwe.value)
      && (file.value === '' || finding.file === file.value);
  }

  function apply() {
    var shown = 0;
    var filesShown = {};
    data.findings.forEach(function (finding) {
      var match = matches(finding);
      document.getElementById(finding.id).hidden = !match;
      if (match) {
        shown += 1;
        filesShown[finding.file] = true;
      }
    });
    data.files.forEach(function (f) {
      document.getElementById(f.id).hidden = !filesShown[f.id];
    });
    var total = data.findings.length;
    status.textContent = 'Showing ' + shown + ' of ' + total + (total === 1 ? ' security defect' : ' security defects');
    nothing.hidden = shown > 0;
  }

  [severity, cwe, file].forEach(function (select) {
    select.addEventListener('change', apply);
  });
  reset.addEventListener('click', function () {
    severity.value = cwe.value = file.value = '';
    apply();
  });
  bar.hidden = false;
  apply();
}());
