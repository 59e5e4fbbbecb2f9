/*
 * Day selection on the planning: click a first day then a last day, or press and drag, on one
 * accommodation's lines; the range goes to the server (sejourSelectRange), which opens the
 * actions dialog. Ending on another accommodation's line selects the rows from the first to the
 * last (the dialog then offers one dossier for all of them). Days are ISO dates, so string
 * comparison orders them.
 *
 * From the keyboard, each accommodation's rates line is one tab stop (a roving tabindex): the
 * arrows move over its days (up and down to the same day of the next accommodation, stretching a
 * selection over the rows once a first day is marked), Home and End go to the first and last day
 * shown, Enter or Space marks the first day and then the last,
 * Shift with an arrow starts and stretches a selection, Escape drops it. The dialog's focus
 * comes back to the day it was opened from.
 */
var sejourPlanning = (function () {
    var anchor = null;
    var dragging = false;
    var moved = false;
    /** the keyboard's day, {acc, day}: the tab stop of its line, kept across ajax updates */
    var current = null;
    var openedByKeyboard = false;

    function cellOf(event) {
        return event.target.closest ? event.target.closest('td.sel[data-acc]') : null;
    }

    /** The accommodations from one row to another, in the planning's order (one when they are the same). */
    function rowsBetween(from, to) {
        var ids = Array.prototype.map.call(document.querySelectorAll('section.planning-block'), function (b) {
            return b.getAttribute('data-accommodation');
        });
        var i = ids.indexOf(from), j = ids.indexOf(to);
        if (i < 0 || j < 0) {
            return [from];
        }
        return ids.slice(Math.min(i, j), Math.max(i, j) + 1);
    }

    function highlight(rows, a, b) {
        document.querySelectorAll('td.sel.selected').forEach(function (c) {
            c.classList.remove('selected');
            c.removeAttribute('aria-selected');
        });
        if (rows === null) {
            return;
        }
        var lo = a < b ? a : b, hi = a < b ? b : a;
        rows.forEach(function (acc) {
            document.querySelectorAll('td.sel[data-acc="' + acc + '"]').forEach(function (c) {
                var day = c.getAttribute('data-day');
                if (day >= lo && day <= hi) {
                    c.classList.add('selected');
                    c.setAttribute('aria-selected', 'true');
                }
            });
        });
    }

    function finish(acc, a, b) {
        var lo = a < b ? a : b, hi = a < b ? b : a;
        var rows = rowsBetween(anchor.acc, acc);
        highlight(rows, lo, hi);
        anchor = null;
        dragging = false;
        sejourSelectRange([{name: 'accommodation', value: rows[0]}, {name: 'accommodations', value: rows.join(',')},
            {name: 'first', value: lo}, {name: 'last', value: hi}]);
    }

    document.addEventListener('mousedown', function (event) {
        var cell = cellOf(event);
        if (!cell || event.button !== 0) {
            return;
        }
        event.preventDefault();
        openedByKeyboard = false;
        var acc = cell.getAttribute('data-acc'), day = cell.getAttribute('data-day');
        if (anchor !== null) {
            finish(acc, anchor.day, day); // second click: the last day, on this row or another
            return;
        }
        anchor = {acc: acc, day: day};
        dragging = true;
        moved = false;
        highlight([acc], day, day);
    });

    document.addEventListener('mouseover', function (event) {
        var cell = cellOf(event);
        if (!dragging || !cell) {
            return;
        }
        moved = moved || cell.getAttribute('data-day') !== anchor.day || cell.getAttribute('data-acc') !== anchor.acc;
        highlight(rowsBetween(anchor.acc, cell.getAttribute('data-acc')), anchor.day, cell.getAttribute('data-day'));
    });

    document.addEventListener('mouseup', function (event) {
        if (!dragging) {
            return;
        }
        dragging = false;
        var cell = cellOf(event);
        if (moved && cell) {
            finish(cell.getAttribute('data-acc'), anchor.day, cell.getAttribute('data-day')); // end of a drag
        }
        // otherwise a plain click: the anchor waits for the last day
    });

    // ------------------------------------------------------------------ keyboard

    function grid() {
        return document.getElementById('grid');
    }

    function lineOf(acc) {
        return Array.prototype.slice.call(document.querySelectorAll('tr.rates td.sel[data-acc="' + acc + '"]'));
    }

    function cellAt(acc, day) {
        return document.querySelector('tr.rates td.sel[data-acc="' + acc + '"][data-day="' + day + '"]');
    }

    /** One tab stop per accommodation: the keyboard's day, else today, else the first day shown. */
    function prepare() {
        var today = document.querySelector('th.day.today');
        document.querySelectorAll('section.planning-block').forEach(function (block) {
            var acc = block.getAttribute('data-accommodation');
            var line = lineOf(acc);
            if (!line.length) {
                return;
            }
            line.forEach(function (c) { c.tabIndex = -1; });
            var stop = (current && current.acc === acc && cellAt(acc, current.day))
                || (today && cellAt(acc, today.getAttribute('data-day'))) || line[0];
            stop.tabIndex = 0;
        });
    }

    function longDay(day) {
        var locale = grid().getAttribute('data-locale') || 'fr';
        var parts = day.split('-');
        return new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2])).toLocaleDateString(locale,
            {weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});
    }

    /** What a screen reader says on a day: the accommodation, the date, its rates, whether it is selected. */
    function label(cell) {
        var g = grid();
        var block = cell.closest('section.planning-block');
        var words = [block.querySelector('.block-name').textContent.trim(), longDay(cell.getAttribute('data-day')),
            cell.getAttribute('title') || g.getAttribute('data-no-rate')];
        if (cell.classList.contains('selected')) {
            words.push(g.getAttribute('data-selected'));
        }
        return words.join(', ');
    }

    function say(text) {
        var live = document.getElementById('planningLive');
        if (live) {
            live.textContent = text;
        }
    }

    function moveTo(from, to) {
        if (!to || to === from) {
            return;
        }
        from.tabIndex = -1;
        to.tabIndex = 0;
        to.focus();
        if (anchor !== null) {
            highlight(rowsBetween(anchor.acc, to.getAttribute('data-acc')), anchor.day, to.getAttribute('data-day'));
            to.setAttribute('aria-label', label(to));
        }
    }

    /** The cell an arrow (or Home, End) leads to from {@code cell}, or null. */
    function target(cell, key) {
        var acc = cell.getAttribute('data-acc'), day = cell.getAttribute('data-day');
        var line = lineOf(acc), at = line.indexOf(cell);
        switch (key) {
            case 'ArrowLeft': return line[at - 1] || null;
            case 'ArrowRight': return line[at + 1] || null;
            case 'Home': return line[0];
            case 'End': return line[line.length - 1];
            case 'ArrowUp':
            case 'ArrowDown': {
                var blocks = Array.prototype.slice.call(document.querySelectorAll('section.planning-block'));
                var here = blocks.indexOf(cell.closest('section.planning-block'));
                var next = blocks[here + (key === 'ArrowUp' ? -1 : 1)];
                return next ? cellAt(next.getAttribute('data-accommodation'), day) : null;
            }
            default: return null;
        }
    }

    function onKey(event, cell) {
        var acc = cell.getAttribute('data-acc'), day = cell.getAttribute('data-day');
        var g = grid();
        if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            if (anchor !== null) {
                openedByKeyboard = true;
                finish(acc, anchor.day, day);
            } else {
                anchor = {acc: acc, day: day};
                highlight([acc], day, day);
                cell.setAttribute('aria-label', label(cell));
                say(g.getAttribute('data-started').replace('{0}', longDay(day)));
            }
            return;
        }
        var to = target(cell, event.key);
        if (to === null && ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].indexOf(event.key) < 0) {
            return;
        }
        event.preventDefault(); // the arrows move over the days, not the page
        if (event.shiftKey && anchor === null && event.key !== 'ArrowUp' && event.key !== 'ArrowDown') {
            anchor = {acc: acc, day: day};
            say(g.getAttribute('data-started').replace('{0}', longDay(day)));
        }
        moveTo(cell, to);
    }

    document.addEventListener('keydown', function (event) {
        var cell = event.target.closest ? event.target.closest('tr.rates td.sel[data-acc]') : null;
        if (event.key === 'Escape') {
            // in the dialog, Escape closes it, and its closing clears the selection
            if (!event.target.closest || !event.target.closest('.ui-dialog')) {
                clear();
            }
        } else if (cell) {
            onKey(event, cell);
        }
    });

    document.addEventListener('focusin', function (event) {
        var cell = event.target.closest ? event.target.closest('tr.rates td.sel[data-acc]') : null;
        if (cell) {
            current = {acc: cell.getAttribute('data-acc'), day: cell.getAttribute('data-day')};
            cell.setAttribute('aria-label', label(cell));
        }
    });

    // a grid re-rendered by navigation forgets a half-made selection and gets its tab stops back
    if (window.jQuery) {
        jQuery(document).on('pfAjaxComplete', function () {
            if (!document.querySelector('td.sel.selected')) {
                anchor = null;
            }
            prepare();
        });
        jQuery(prepare);
    }

    /** Escape, or the dialog closing: no selection; the keyboard's day gets the focus back. */
    function clear() {
        anchor = null;
        dragging = false;
        highlight(null);
        if (openedByKeyboard && current) {
            openedByKeyboard = false;
            prepare();
            var cell = cellAt(current.acc, current.day);
            if (cell) {
                cell.focus();
            }
        }
    }

    return {clear: clear};
})();
