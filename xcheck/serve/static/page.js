// The editors' page: send the texts to v1/review, show the HTML report's body (report.js
// from xcheck/report/html.py makes it interactive), add accept / to-fix marks, and offer
// the downloads. Served from the app itself under a strict Content-Security-Policy: no
// inline script, nothing from elsewhere; article text only ever enters the page as the
// server's escaped HTML or as textContent.
(function () {
  'use strict';
  var d = document;
  var form = d.getElementById('check');
  var status = d.getElementById('status');
  var runButton = d.getElementById('run');
  var result = d.getElementById('result');
  var reportBox = d.getElementById('report');
  var tokenRow = d.getElementById('token-row');
  var tokenInput = d.getElementById('token');
  var FIELDS = ['zh', 'en', 'mt', 'glossary'];
  // Decisions by fingerprint: they survive a re-check of an edited draft, and a finding
  // whose text changed gets a new fingerprint (and no decision), as with a baseline.
  var decisions = {};
  var current = null; // the last answer: {report, json, body, html, markdown}

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', !!isError);
  }

  function headers() {
    var h = {};
    var token = tokenInput.value || sessionStorage.getItem('xcheck-token') || '';
    if (token) h.Authorization = 'Bearer ' + token;
    return h;
  }

  fetch('healthz').then(function (r) { return r.json(); }).then(function (h) {
    if (h.token_required) {
      tokenRow.hidden = false;
      tokenInput.value = sessionStorage.getItem('xcheck-token') || '';
    }
  }).catch(function () { /* the check itself will say what is wrong */ });
  tokenInput.addEventListener('change', function () {
    sessionStorage.setItem('xcheck-token', tokenInput.value);
  });

  function body() {
    var data = new FormData();
    FIELDS.forEach(function (name) {
      var file = d.getElementById(name + '-file').files[0];
      var text = d.getElementById(name).value;
      if (file) data.append(name, file, file.name);
      else if (text.trim() || name === 'zh' || name === 'en') data.append(name, text);
    });
    var source = d.getElementById('source').value;
    if (source) data.append('source', source);
    return data;
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    runButton.disabled = true;
    say('Checking…');
    var started = Date.now();
    fetch('v1/review', {method: 'POST', body: body(), headers: headers()})
      .then(function (r) {
        return r.json().then(function (data) { return {ok: r.ok, data: data}; });
      })
      .then(function (answer) {
        if (!answer.ok) {
          say('xcheck: ' + (answer.data.error || 'the check failed'), true);
          return;
        }
        show(answer.data);
        var n = answer.data.report.findings.length;
        say(n + ' finding' + (n === 1 ? '' : 's') + ' (' +
            ((Date.now() - started) / 1000).toFixed(1) + ' s)');
      })
      .catch(function (e) { say('xcheck: cannot reach the server (' + e + ')', true); })
      .then(function () { runButton.disabled = false; });
  });

  function show(data) {
    current = data;
    reportBox.innerHTML = data.body; // built by html.py: every article text is escaped
    result.hidden = false;
    var findings = data.report.findings;
    [].forEach.call(reportBox.querySelectorAll('li.finding'), function (li) {
      var k = parseInt(li.id.slice(2), 10);
      var f = findings[k];
      if (!f) return;
      li.setAttribute('data-fingerprint', f.fingerprint);
      var box = d.createElement('div');
      box.className = 'review';
      [['accept', 'Accept', 'accepted'], ['fix', 'To fix', 'fix']].forEach(function (b) {
        var button = d.createElement('button');
        button.type = 'button';
        button.className = b[0];
        button.textContent = b[1];
        button.setAttribute('data-decision', b[2]);
        button.setAttribute('aria-pressed', 'false');
        box.appendChild(button);
      });
      li.appendChild(box);
      paint(li);
    });
    // The report's own script (filters, marks, the explanation tip) runs on the new body.
    var script = d.createElement('script');
    script.src = 'static/report.js';
    d.body.appendChild(script);
    count();
  }

  function paint(li) {
    var decision = decisions[li.getAttribute('data-fingerprint')] || '';
    li.classList.toggle('accepted', decision === 'accepted');
    li.classList.toggle('to-fix', decision === 'fix');
    [].forEach.call(li.querySelectorAll('.review button'), function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-decision') === decision));
    });
  }

  function count() {
    var shown = {};
    (current ? current.report.findings : []).forEach(function (f) { shown[f.fingerprint] = 1; });
    var n = {accepted: 0, fix: 0};
    Object.keys(decisions).forEach(function (fp) {
      if (shown[fp]) n[decisions[fp]] += 1;
    });
    d.getElementById('n-accepted').textContent = String(n.accepted);
    d.getElementById('n-fix').textContent = String(n.fix);
  }

  reportBox.addEventListener('click', function (ev) {
    var button = ev.target.closest('.review button');
    if (!button) return;
    var li = button.closest('li.finding');
    var fp = li.getAttribute('data-fingerprint');
    var decision = button.getAttribute('data-decision');
    if (decisions[fp] === decision) delete decisions[fp];
    else decisions[fp] = decision;
    paint(li);
    count();
  });

  // The baseline `xcheck check --baseline FILE` reads (xcheck/baseline.py): the accepted
  // findings of the report on screen.
  function baseline() {
    var suppressions = current.report.findings.filter(function (f) {
      return decisions[f.fingerprint] === 'accepted';
    }).map(function (f) {
      return {fingerprint: f.fingerprint, rule: f.rule, reason: 'accepted in xcheck serve',
              message: f.message};
    });
    return JSON.stringify({version: 1, suppressions: suppressions}, null, 2) + '\n';
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var a = d.createElement('a');
    a.href = url;
    a.download = name;
    d.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  var DOWNLOADS = {
    'dl-html': function () { download('xcheck-report.html', 'text/html', current.html); },
    'dl-json': function () {
      download('xcheck-report.json', 'application/json', current.json);
    },
    'dl-markdown': function () {
      download('xcheck-report.md', 'text/markdown', current.markdown);
    },
    'dl-baseline': function () {
      download('xcheck-baseline.json', 'application/json', baseline());
    }
  };
  Object.keys(DOWNLOADS).forEach(function (id) {
    d.getElementById(id).addEventListener('click', function () {
      if (current) DOWNLOADS[id]();
    });
  });
  d.documentElement.setAttribute('data-page', 'ready');
})();
