// What the page walker (PageWalkIT) reads from a page as it is shown: what runs past the screen,
// what hides behind its own scrollbar, the texts (for the language check), the page's language.
// arguments[0]: CSS selectors of the scrollers that may scroll at this width (the planning's grid).
var deliberate = arguments[0];
var width = document.documentElement.clientWidth;
var problems = [];
function describe(e) {
    var text = (e.innerText || e.value || '').trim().replace(/\s+/g, ' ').substring(0, 50);
    var cls = typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + cls + (text ? ' "' + text + '"' : '');
}
function hiddenOnPurpose(e) {
    // PrimeFaces' hidden inputs and texts for screen readers sit outside the screen or clipped to nothing
    return e.closest('.ui-helper-hidden-accessible, .ui-helper-hidden, [aria-hidden="true"]') !== null;
}
function clipper(e) {
    for (var p = e.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
        var s = getComputedStyle(p);
        if (s.overflowX !== 'visible') return p;
    }
    return null;
}
var page = document.documentElement.scrollWidth;
if (page > width + 1) problems.push('the page scrolls sideways: ' + page + ' px wide on a ' + width + ' px screen');
var sticking = [];
document.querySelectorAll('body *').forEach(function (e) {
    if (hiddenOnPurpose(e)) return;
    var r = e.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return;
    var s = getComputedStyle(e);
    if (s.visibility === 'hidden') return;
    // an element wholly left of the screen (a skip link until focused) is hidden on purpose and scrolls nothing
    if ((r.right > width + 1 || (r.left < -1 && r.right > 0)) && clipper(e) === null) {
        // report the outermost element only: its children follow it
        for (var i = 0; i < sticking.length; i++) if (sticking[i].contains(e)) return;
        sticking.push(e);
    }
    if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1
            && !/^(TEXTAREA|INPUT|SELECT|PRE|CODE)$/.test(e.tagName)
            && !deliberate.some(function (d) { return e.matches(d); })) {
        problems.push('hides ' + (e.scrollWidth - e.clientWidth) + ' px behind its own scrollbar: ' + describe(e));
    }
});
sticking.slice(0, 5).forEach(function (e) {
    var r = e.getBoundingClientRect();
    problems.push('runs past the screen (' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + width + '): ' + describe(e));
});
// Chart.js formats its axes' numbers with Intl in options.locale, else in the browser's locale
var lang = document.documentElement.getAttribute('lang') || '';
if (window.Chart && Chart.getChart) {
    document.querySelectorAll('canvas').forEach(function (c) {
        var chart = Chart.getChart(c);
        if (chart && String(chart.options.locale || '').split('-')[0] !== lang) {
            problems.push('a chart writes its numbers in the locale "' + (chart.options.locale || 'of the browser') + '": ' + describe(c.parentElement));
        }
    });
}
// what a screen reader says for a button: its label, else its title, else its text (PrimeFaces
// writes "ui-button" as the text of its icon-only buttons)
document.querySelectorAll('button, [role=button]').forEach(function (b) {
    var name = (b.getAttribute('aria-label') || b.getAttribute('title') || b.textContent || '').trim();
    if (name === 'ui-button' || (name === '' && b.getBoundingClientRect().width > 0 && !b.getAttribute('aria-labelledby'))) {
        problems.push('a button a screen reader names "' + name + '": ' + describe(b.parentElement));
    }
});
var texts = {};
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (var n = walker.nextNode(); n; n = walker.nextNode()) {
    var parent = n.parentElement;
    // code shown to be copied (the widget's snippet) is not language; a part marked in another language is on purpose
    if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA|CODE|PRE)$/.test(parent.tagName)) continue;
    var marked = parent.closest('[lang]');
    if (marked && marked !== document.documentElement && marked.getAttribute('lang') !== lang) continue;
    var t = n.nodeValue.trim().replace(/\s+/g, ' ');
    if (t) texts[t] = true;
}
document.querySelectorAll('[title], [placeholder], [aria-label], [alt], input[type=submit], input[type=button]').forEach(function (e) {
    var marked = e.closest('[lang]');
    if (marked && marked !== document.documentElement && marked.getAttribute('lang') !== lang) return;
    ['title', 'placeholder', 'aria-label', 'alt'].forEach(function (a) {
        var v = e.getAttribute(a);
        if (v && v.trim()) texts[v.trim().replace(/\s+/g, ' ')] = true;
    });
    if (e.tagName === 'INPUT' && (e.type === 'submit' || e.type === 'button') && e.value.trim()) texts[e.value.trim()] = true;
});
return {
    lang: document.documentElement.getAttribute('lang') || '',
    url: location.href,
    errorPage: document.getElementById('error-title') !== null,
    body: document.body ? document.body.innerText : '',
    problems: problems,
    texts: Object.keys(texts)
};
