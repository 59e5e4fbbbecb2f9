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

// A file too large for the server is refused before it is sent, with the same words the server
// would use: the change is stopped before the input's ajax handler sees it.
document.addEventListener('change', function (event) {
    var input = event.target;
    var max = input && input.getAttribute ? Number(input.getAttribute('data-max-bytes')) : 0;
    if (!max || !input.files) {
        return;
    }
    var tooLarge = Array.prototype.some.call(input.files, function (file) { return file.size > max; });
    if (!tooLarge) {
        return;
    }
    event.stopImmediatePropagation();
    input.value = '';
    var message = input.getAttribute('data-too-large');
    var place = input.closest('.upload');
    var shown = place.querySelector('.upload-refused');
    if (!shown) {
        shown = document.createElement('span');
        shown.className = 'upload-refused ui-message-error';
        shown.setAttribute('role', 'alert');
        place.appendChild(shown);
    }
    shown.textContent = message;
}, true);
