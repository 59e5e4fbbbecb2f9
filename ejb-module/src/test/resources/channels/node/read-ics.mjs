// Reads an .ics file with ical.js (an independent parser) and prints one line per event:
// uid|start|end|allDay|summary, after the calendar's VERSION and PRODID.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], 'utf8')));
console.log('VERSION|' + calendar.getFirstPropertyValue('version'));
console.log('PRODID|' + calendar.getFirstPropertyValue('prodid'));
for (const vevent of calendar.getAllSubcomponents('vevent')) {
  const event = new ICAL.Event(vevent);
  const stamp = vevent.getFirstPropertyValue('dtstamp');
  console.log(['EVENT', event.uid, event.startDate.toString(), event.endDate.toString(),
    event.startDate.isDate && event.endDate.isDate, event.summary, stamp ? 'stamped' : 'unstamped'].join('|'));
}
