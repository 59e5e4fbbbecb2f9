/*
 * Day selection on the planning: click a first day then a last day, or press and drag, on one
 * accommodation's lines; the range goes to the server (sejourSelectRange), which opens the
 * actions dialog. Days are ISO dates, so string comparison orders them.
 */
var sejourPlanning = (function () {
    var anchor = null;
    var dragging = false;
    var moved = false;

    function cellOf(event) {
        return event.target.closest ? event.target.closest('td.sel[data-acc]') : null;
    }

    function highlight(acc, a, b) {
        document.querySelectorAll('td.sel.selected').forEach(function (c) { c.classList.remove('selected'); });
        if (acc === null) {
            return;
        }
        var lo = a < b ? a : b, hi = a < b ? b : a;
        document.querySelectorAll('td.sel[data-acc="' + acc + '"]').forEach(function (c) {
            var day = c.getAttribute('data-day');
            if (day >= lo && day <= hi) {
                c.classList.add('selected');
            }
        });
    }

    function finish(acc, a, b) {
        var lo = a < b ? a : b, hi = a < b ? b : a;
        highlight(acc, lo, hi);
        anchor = null;
        dragging = false;
        sejourSelectRange([{name: 'accommodation', value: acc}, {name: 'first', value: lo}, {name: 'last', value: hi}]);
    }

    document.addEventListener('mousedown', function (event) {
        var cell = cellOf(event);
        if (!cell || event.button !== 0) {
            return;
        }
        event.preventDefault();
        var acc = cell.getAttribute('data-acc'), day = cell.getAttribute('data-day');
        if (anchor !== null && anchor.acc === acc) {
            finish(acc, anchor.day, day); // second click: the last day
            return;
        }
        anchor = {acc: acc, day: day};
        dragging = true;
        moved = false;
        highlight(acc, day, day);
    });

    document.addEventListener('mouseover', function (event) {
        var cell = cellOf(event);
        if (!dragging || !cell || cell.getAttribute('data-acc') !== anchor.acc) {
            return;
        }
        moved = moved || cell.getAttribute('data-day') !== anchor.day;
        highlight(anchor.acc, anchor.day, cell.getAttribute('data-day'));
    });

    document.addEventListener('mouseup', function (event) {
        if (!dragging) {
            return;
        }
        dragging = false;
        var cell = cellOf(event);
        if (moved && cell && cell.getAttribute('data-acc') === anchor.acc) {
            finish(anchor.acc, anchor.day, cell.getAttribute('data-day')); // end of a drag
        }
        // otherwise a plain click: the anchor waits for the last day
    });

    // a grid re-rendered by navigation forgets a half-made selection
    if (window.jQuery) {
        jQuery(document).on('pfAjaxComplete', function () {
            if (!document.querySelector('td.sel.selected')) {
                anchor = null;
            }
        });
    }

    document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
            clear();
        }
    });

    function clear() {
        anchor = null;
        dragging = false;
        highlight(null);
    }

    return {clear: clear};
})();
