// The calendar buttons of p:datePicker were read by screen readers as "ui-button" (the text
// PrimeFaces gives its icon-only buttons): each is named in the page's language, from the
// bundle text the layout puts on the body (data-choose-date), whenever one appears.
(function () {
    function nameCalendarButtons() {
        var label = document.body ? document.body.getAttribute('data-choose-date') : null;
        if (!label) {
            return;
        }
        document.querySelectorAll('.ui-datepicker-trigger').forEach(function (button) {
            button.setAttribute('aria-label', label);
            button.setAttribute('title', label);
        });
    }
    document.addEventListener('DOMContentLoaded', function () {
        nameCalendarButtons();
        // PrimeFaces builds the buttons when a widget starts, and again when an update or a
        // change of layout redraws it: name each button as it appears
        new MutationObserver(function (changes) {
            if (changes.some(function (c) { return c.addedNodes.length > 0; })) {
                nameCalendarButtons();
            }
        }).observe(document.body, {childList: true, subtree: true});
    });
    window.addEventListener('load', nameCalendarButtons);
})();
