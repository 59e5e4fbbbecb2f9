/*
 * Séjour booking widgets: one <script> and one <div> on the owner's site.
 *   <div data-sejour-widget="search|calendar|link" data-account="100063"
 *        data-accommodation="12,13" data-lang="fr"></div>
 *   <script src="https://<séjour server>/widget/sejour-widget.js" async></script>
 * Each widget lives in its own Shadow DOM, so the host page's CSS does not reach it and its CSS
 * does not leak out; the script defines no global and reads the API of the server it came from.
 * No build step: this file is served as written.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var SERVER = new URL(script ? script.src : location.href).origin;
  var LANGS = ['fr', 'en', 'de', 'es', 'ca', 'it', 'nl'];
  var T = {
    fr: {arrival: 'Arrivée', length: 'Durée', search: 'Rechercher', book: 'Réserver', none: 'Aucun hébergement disponible pour ces dates.',
      nights: ['nuit', 'nuits'], weeks: ['semaine', 'semaines'], prev: 'Mois précédent', next: 'Mois suivant', persons: 'Personnes',
      total: 'Total', stays: 'Séjours possibles', accommodation: 'Hébergement', closed: 'Réservation en ligne indisponible.', loading: 'Chargement…',
      pick: 'Choisissez un jour d\u2019arrivée.', site: 'Réserver en ligne', from: 'dès'},
    en: {arrival: 'Arrival', length: 'Length', search: 'Search', book: 'Book', none: 'No accommodation available for these dates.',
      nights: ['night', 'nights'], weeks: ['week', 'weeks'], prev: 'Previous month', next: 'Next month', persons: 'Persons',
      total: 'Total', stays: 'Possible stays', accommodation: 'Accommodation', closed: 'Online booking unavailable.', loading: 'Loading…',
      pick: 'Choose an arrival day.', site: 'Book online', from: 'from'},
    de: {arrival: 'Anreise', length: 'Dauer', search: 'Suchen', book: 'Buchen', none: 'Für diese Daten ist keine Unterkunft frei.',
      nights: ['Nacht', 'Nächte'], weeks: ['Woche', 'Wochen'], prev: 'Voriger Monat', next: 'Nächster Monat', persons: 'Personen',
      total: 'Gesamt', stays: 'Mögliche Aufenthalte', accommodation: 'Unterkunft', closed: 'Online-Buchung nicht verfügbar.', loading: 'Laden…',
      pick: 'Wählen Sie einen Anreisetag.', site: 'Online buchen', from: 'ab'},
    es: {arrival: 'Llegada', length: 'Duración', search: 'Buscar', book: 'Reservar', none: 'No hay alojamiento disponible para estas fechas.',
      nights: ['noche', 'noches'], weeks: ['semana', 'semanas'], prev: 'Mes anterior', next: 'Mes siguiente', persons: 'Personas',
      total: 'Total', stays: 'Estancias posibles', accommodation: 'Alojamiento', closed: 'Reserva en línea no disponible.', loading: 'Cargando…',
      pick: 'Elija un día de llegada.', site: 'Reservar en línea', from: 'desde'},
    ca: {arrival: 'Arribada', length: 'Durada', search: 'Cercar', book: 'Reservar', none: 'No hi ha cap allotjament disponible per a aquestes dates.',
      nights: ['nit', 'nits'], weeks: ['setmana', 'setmanes'], prev: 'Mes anterior', next: 'Mes següent', persons: 'Persones',
      total: 'Total', stays: 'Estades possibles', accommodation: 'Allotjament', closed: 'Reserva en línia no disponible.', loading: 'Carregant…',
      pick: 'Trieu un dia d\u2019arribada.', site: 'Reservar en línia', from: 'des de'},
    it: {arrival: 'Arrivo', length: 'Durata', search: 'Cerca', book: 'Prenota', none: 'Nessun alloggio disponibile per queste date.',
      nights: ['notte', 'notti'], weeks: ['settimana', 'settimane'], prev: 'Mese precedente', next: 'Mese successivo', persons: 'Persone',
      total: 'Totale', stays: 'Soggiorni possibili', accommodation: 'Alloggio', closed: 'Prenotazione online non disponibile.', loading: 'Caricamento…',
      pick: 'Scegli un giorno di arrivo.', site: 'Prenota online', from: 'da'},
    nl: {arrival: 'Aankomst', length: 'Duur', search: 'Zoeken', book: 'Boeken', none: 'Geen accommodatie beschikbaar voor deze data.',
      nights: ['nacht', 'nachten'], weeks: ['week', 'weken'], prev: 'Vorige maand', next: 'Volgende maand', persons: 'Personen',
      total: 'Totaal', stays: 'Mogelijke verblijven', accommodation: 'Accommodatie', closed: 'Online boeken niet beschikbaar.', loading: 'Laden…',
      pick: 'Kies een aankomstdag.', site: 'Online boeken', from: 'vanaf'}
  };
  var CSS = ':host{all:initial;display:block;font:15px/1.4 system-ui,sans-serif;color:#1f2933}' +
    '*{box-sizing:border-box}.w{font:15px/1.4 system-ui,sans-serif;color:#1f2933;border:1px solid #d0d7de;border-radius:8px;padding:12px;background:#fff;max-width:640px}' +
    'form{display:flex;flex-wrap:wrap;gap:8px;align-items:end}label{display:flex;flex-direction:column;font-size:13px;gap:2px}' +
    'input,select,button,a.b{font:inherit;padding:6px 10px;border:1px solid #8c959f;border-radius:6px;background:#fff;color:inherit}' +
    'button,a.b{background:#1a5f7a;border-color:#1a5f7a;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}' +
    'button:disabled{background:#eaeef2;border-color:#d0d7de;color:#8c959f;cursor:default}' +
    ':focus-visible{outline:3px solid #f0a202;outline-offset:1px}ul{list-style:none;margin:10px 0 0;padding:0}' +
    'li{display:flex;justify-content:space-between;align-items:center;gap:8px;padding:8px 0;border-top:1px solid #eaeef2;flex-wrap:wrap}' +
    's{color:#6e7781}.p{font-weight:600}.m{display:flex;justify-content:space-between;align-items:center;margin:8px 0}' +
    'table{border-collapse:collapse;width:100%}th{font-size:12px;color:#57606a;font-weight:500}td{padding:2px;text-align:center}' +
    'td button{width:100%;padding:6px 0}td button[aria-pressed=true]{background:#f0a202;border-color:#f0a202;color:#1f2933}' +
    '.n{margin-top:8px;color:#57606a}fieldset{border:0;padding:0;margin:8px 0}legend{font-weight:600;margin-bottom:4px}';

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else if (k.slice(0, 2) === 'on') { node.addEventListener(k.slice(2), attrs[k]); } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function api(path, lang, body) {
    var url = SERVER + '/api/v1' + path + (path.indexOf('?') < 0 ? '?' : '&') + 'lang=' + lang;
    var init = body ? {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)} : {};
    return fetch(url, init).then(function (r) {
      return r.json().then(function (json) { if (!r.ok) { throw json; } return json; });
    });
  }

  function length(t, nights) {
    return nights % 7 === 0 ? (nights / 7) + ' ' + t.weeks[nights === 7 ? 0 : 1] : nights + ' ' + t.nights[nights === 1 ? 0 : 1];
  }

  function mount(host) {
    var account = (host.getAttribute('data-account') || '').replace(/\D/g, '');
    var wanted = (host.getAttribute('data-lang') || document.documentElement.lang || 'fr').slice(0, 2).toLowerCase();
    var lang = LANGS.indexOf(wanted) < 0 ? 'fr' : wanted;
    var t = T[lang];
    var root = host.attachShadow({mode: 'open'});
    root.appendChild(el('style', {text: CSS}));
    var box = el('div', {'class': 'w', lang: lang});
    root.appendChild(box);
    var ctx = {account: account, lang: lang, t: t, box: box,
      money: new Intl.NumberFormat(lang, {style: 'currency', currency: 'EUR'}),
      book: function (id, arrival, nights) {
        return SERVER + '/site/' + account + '/book?accommodation=' + id + '&arrival=' + arrival + '&nights=' + nights + '&lang=' + lang;
      }};
    var kind = host.getAttribute('data-sejour-widget');
    if (kind === 'link') {
      box.appendChild(el('a', {'class': 'b', href: SERVER + '/site/' + account + '?lang=' + lang, text: t.site}));
    } else if (kind === 'calendar') {
      calendar(ctx, (host.getAttribute('data-accommodation') || '').split(',').map(function (s) { return s.trim(); })
        .filter(function (s) { return /^\d{1,18}$/.test(s); }).slice(0, 10));
    } else {
      search(ctx);
    }
  }

  /** An account not (yet) open answers 404 like nothing: the guest reads "unavailable". */
  function failure(t, problem) {
    return problem && problem.status === 400 && problem.errors ? problem.errors[0].message : t.closed;
  }

  function status(ctx, text) {
    return el('p', {'class': 'n', role: 'status', text: text});
  }

  function search(ctx) {
    var t = ctx.t;
    var today = new Date().toISOString().slice(0, 10);
    var arrival = el('input', {type: 'date', min: today, required: 'required', name: 'arrival'});
    var nights = el('select', {name: 'nights'}, [1, 2, 3, 4, 5, 6, 7, 14, 21].map(function (n) {
      var o = el('option', {value: n, text: length(t, n)});
      if (n === 7) { o.selected = true; }
      return o;
    }));
    var results = el('div', {'aria-live': 'polite'});
    var form = el('form', {onsubmit: function (e) {
      e.preventDefault();
      if (!arrival.value) { arrival.focus(); return; }
      results.replaceChildren(status(ctx, t.loading));
      api('/accounts/' + ctx.account + '/availability?arrival=' + arrival.value + '&nights=' + nights.value, ctx.lang)
        .then(function (answer) {
          if (!answer.results.length) { results.replaceChildren(status(ctx, t.none)); return; }
          results.replaceChildren(el('ul', {}, answer.results.map(function (hit) {
            return el('li', {}, [
              el('span', {}, [el('strong', {text: hit.name}), el('br'),
                el('span', {text: hit.arrival + ' → ' + hit.departure})]),
              el('span', {}, [hit.struckOutPrice ? el('s', {text: ctx.money.format(hit.struckOutPrice)}) : null,
                el('span', {'class': 'p', text: ' ' + ctx.money.format(hit.price)})]),
              el('a', {'class': 'b', href: SERVER + hit.bookUrl, target: '_top', text: t.book,
                'aria-label': t.book + ' ' + hit.name})]);
          })));
        }).catch(function (problem) { results.replaceChildren(status(ctx, failure(t, problem))); });
    }}, [el('label', {}, [document.createTextNode(t.arrival), arrival]),
      el('label', {}, [document.createTextNode(t.length), nights]),
      el('button', {type: 'submit', text: t.search})]);
    ctx.box.replaceChildren(form, results);
  }

  function calendar(ctx, ids) {
    var t = ctx.t;
    var now = new Date();
    var state = {month: new Date(now.getFullYear(), now.getMonth(), 1), id: ids[0], day: null, option: null, months: {}};
    var picker = ids.length > 1 ? el('select', {name: 'accommodation', onchange: function () {
      state.id = picker.value; state.day = null; state.option = null; draw();
    }}) : null;
    var title = el('strong', {'aria-live': 'polite'});
    var prev = el('button', {type: 'button', 'aria-label': t.prev, text: '‹', onclick: function () { move(-1); }});
    var next = el('button', {type: 'button', 'aria-label': t.next, text: '›', onclick: function () { move(1); }});
    var grid = el('div');
    var detail = el('div', {'aria-live': 'polite'});
    ctx.box.replaceChildren(picker ? el('label', {}, [document.createTextNode(t.accommodation), picker]) : el('span'),
      el('div', {'class': 'm'}, [prev, title, next]), grid, detail);

    function key() { return state.month.getFullYear() + '-' + String(state.month.getMonth() + 1).padStart(2, '0'); }
    function move(step) {
      state.month = new Date(state.month.getFullYear(), state.month.getMonth() + step, 1);
      state.day = null; state.option = null; load();
    }
    function load() {
      var month = key();
      title.textContent = state.month.toLocaleDateString(ctx.lang, {month: 'long', year: 'numeric'});
      prev.disabled = state.month <= new Date(now.getFullYear(), now.getMonth(), 1);
      if (state.months[month]) { draw(); return; }
      grid.replaceChildren(status(ctx, t.loading));
      api('/accounts/' + ctx.account + '/calendar?month=' + month + ids.map(function (id) { return '&accommodation=' + id; }).join(''), ctx.lang)
        .then(function (answer) {
          state.months[month] = answer.accommodations;
          if (picker && !picker.options.length) {
            answer.accommodations.forEach(function (a) { picker.appendChild(el('option', {value: a.accommodationId, text: a.name})); });
          }
          draw();
        }).catch(function (problem) { grid.replaceChildren(status(ctx, failure(t, problem))); });
    }
    function draw() {
      var all = state.months[key()] || [];
      var current = all.filter(function (a) { return String(a.accommodationId) === String(state.id); })[0];
      var days = {};
      (current ? current.days : []).forEach(function (d) { days[d.date] = d; });
      var first = (state.month.getDay() + 6) % 7;
      var count = new Date(state.month.getFullYear(), state.month.getMonth() + 1, 0).getDate();
      var names = [];
      for (var w = 0; w < 7; w++) {
        names.push(el('th', {scope: 'col', text: new Date(2024, 0, 1 + w).toLocaleDateString(ctx.lang, {weekday: 'short'})}));
      }
      var rows = [el('tr', {}, names)];
      var row = el('tr');
      for (var i = 0; i < first; i++) { row.appendChild(el('td')); }
      for (var d = 1; d <= count; d++) {
        var date = key() + '-' + String(d).padStart(2, '0');
        var day = days[date];
        var button = el('button', {type: 'button', text: String(d), 'data-date': date,
          'aria-pressed': String(state.day === date),
          'aria-label': new Date(state.month.getFullYear(), state.month.getMonth(), d).toLocaleDateString(ctx.lang,
            {weekday: 'long', day: 'numeric', month: 'long'}) + (day ? ', ' + t.from + ' ' + ctx.money.format(day.options[0].price) : '')});
        if (day) { button.addEventListener('click', choose.bind(null, day)); } else { button.disabled = true; }
        row.appendChild(el('td', {}, [button]));
        if ((first + d) % 7 === 0) { rows.push(row); row = el('tr'); }
      }
      if (row.childNodes.length) { rows.push(row); }
      grid.replaceChildren(el('table', {role: 'grid'}, rows));
      if (!state.day) { detail.replaceChildren(status(ctx, t.pick)); }
    }
    function choose(day) {
      state.day = day.date;
      state.option = day.options[0];
      draw();
      var persons = el('select', {name: 'persons'}, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(function (n) {
        var o = el('option', {value: n, text: String(n)});
        if (n === 2) { o.selected = true; }
        return o;
      }));
      var total = el('p', {'class': 'p', role: 'status'});
      var book = el('a', {'class': 'b', target: '_top', text: t.book});
      var options = el('fieldset', {}, [el('legend', {text: t.stays})].concat(day.options.map(function (option, index) {
        var radio = el('input', {type: 'radio', name: 'stay', value: option.nights, onchange: function () { state.option = option; refresh(); }});
        radio.checked = index === 0;
        return el('label', {style: 'flex-direction:row;gap:6px'}, [radio, document.createTextNode(option.label)]);
      })));
      persons.addEventListener('change', refresh);
      detail.replaceChildren(options, el('label', {}, [document.createTextNode(t.persons), persons]), total, book);
      refresh();
      function refresh() {
        var option = state.option;
        book.setAttribute('href', ctx.book(state.id, day.date, option.nights) + '&persons=' + persons.value);
        total.textContent = t.total + ' : …';
        quote(ctx, state.id, day.date, option.nights, Number(persons.value)).then(function (q) {
          total.textContent = q && q.bookable ? t.total + ' : ' + ctx.money.format(q.total)
            : (q && q.refusals.length ? q.refusals[0].message : t.closed);
        });
      }
    }
    load();
  }

  var profiles = {};
  function quote(ctx, id, arrival, nights, persons) {
    profiles[ctx.account] = profiles[ctx.account] || api('/accounts/' + ctx.account, ctx.lang);
    return profiles[ctx.account].then(function (profile) {
      var party = {};
      party[profile.ageRanges[0].label] = persons;
      return api('/accounts/' + ctx.account + '/quotes', ctx.lang,
        {accommodationId: Number(id), arrival: arrival, nights: nights, party: party});
    }).catch(function () { return null; });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-sejour-widget]'), function (host) {
      if (!host.shadowRoot) { mount(host); }
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
