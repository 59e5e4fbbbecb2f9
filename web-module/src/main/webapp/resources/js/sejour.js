// What PrimeFaces 15 leaves out for screen readers (axe-core, PageWalkIT): the calendar buttons of
// p:datePicker were read as "ui-button" (the text of its icon-only buttons), named here in the
// page's language from the bundle text the layout puts on the body (data-choose-date); the
// uploader's "choose" button has no role. Done whenever such an element appears.
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
        // p:fileUpload's "choose" is a focusable span with an aria-label but no role: it is a button
        document.querySelectorAll('span.ui-fileupload-choose:not([role])').forEach(function (choose) {
            choose.setAttribute('role', 'button');
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
