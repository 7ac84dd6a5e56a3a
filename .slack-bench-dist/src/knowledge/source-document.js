/**
 * A reader for the plain-text copy of CoreTech's GDPR page, used to prove the knowledge file
 * is complete and verbatim (`dutybot knowledge lint` and the knowledge tests).
 *
 * The page's shape: general sections first, then one section per service whose heading is
 * immediately followed by a "CoreTech" sub-heading (the provider's list) and later a "Customer"
 * sub-heading (the customer's list); list items are lines starting with "  • ". Service headings
 * are found from that shape, not from a list of names, so the check does not trust the YAML it checks.
 */
const BULLET = /^\s*•\s?/;
const PROVIDER_HEADING = 'CoreTech';
const CUSTOMER_HEADING = 'Customer';
export function parseSourceDocument(raw) {
    const text = raw.replace(/\r\n?/g, '\n');
    const lines = text.split('\n');
    const services = [];
    const generalBullets = [];
    let section;
    let party;
    lines.forEach((line, index) => {
        const trimmed = line.trim();
        if (trimmed === '')
            return;
        const lineNo = index + 1;
        if (BULLET.test(line)) {
            const bullet = { text: line.replace(BULLET, '').trim(), line: lineNo };
            if (section && party)
                section[party].push(bullet);
            else
                generalBullets.push(bullet);
            return;
        }
        if (section && trimmed === PROVIDER_HEADING)
            party = 'provider';
        else if (section && trimmed === CUSTOMER_HEADING)
            party = 'customer';
        else if (nextNonBlank(lines, index + 1) === PROVIDER_HEADING) {
            section = { name: trimmed, line: lineNo, provider: [], customer: [] };
            services.push(section);
            party = undefined;
        }
        else {
            // Any other heading or paragraph closes the service sections (e.g. "Documents" at the end).
            section = undefined;
            party = undefined;
        }
    });
    return { text, lines, services, generalBullets };
}
function nextNonBlank(lines, from) {
    for (let i = from; i < lines.length; i++) {
        const trimmed = lines[i].trim();
        if (trimmed !== '')
            return trimmed;
    }
    return undefined;
}
/** True when `fragment` occurs in the source as written (ignoring only line-ending differences). */
export function isVerbatimInSource(source, fragment) {
    return fragment.length > 0 && source.text.includes(fragment);
}
/** True when `heading` is a whole line of the source. */
export function isSourceLine(source, heading) {
    return source.lines.some((line) => line.trim() === heading);
}
//# sourceMappingURL=source-document.js.map