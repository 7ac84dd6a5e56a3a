import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { englishRoles } from '../src/answer/english-tags.js';
import { generalLanguage } from '../src/answer/general-words.js';
import { tokenize } from '../src/answer/text.js';
import { wordClasses } from '../src/answer/word-classes.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/model.js';

/**
 * How a team types in chat, read by general mechanisms rather than listed phrases. The questions
 * below are worded differently from every question set, so they check the mechanism, not a
 * memorized sentence: a verb of telling after the provider (WordNet), a word beside a cadence,
 * whose duties a possessive names, Italian verbs and function words from general lexicons, and
 * typo correction that never turns one everyday word into another.
 */

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});

const ids = (question: string) => answer(question, knowledge).matches.map((m) => m.id);
const first = (question: string) => ids(question)[0] ?? 'abstained';
const abstains = (question: string) => answer(question, knowledge).view.abstained;

describe('the provider telling us something', () => {
  it('reads a verb of telling after the provider as a report, and asks what we do about it', () => {
    expect(first('coretech says the rocketbox account has a problem, what do we do')).toBe(
      'rocketbox.customer.act-on-coretech-reports',
    );
    // "wrote" is read through as a verb, and still says the provider reported.
    expect(first('coretech wrote that our newsletter account has a problem, what now')).toBe(
      'rocketnews.customer.act-on-coretech-reports',
    );
    expect(first('coretech told us the vps has a security problem, what now')).toBe(
      'stellar.customer.act-on-coretech-reports',
    );
    // An adverb may stand between the provider and its verb.
    expect(first('coretech just wrote that our newsletter account has a problem, what now')).toBe(
      'rocketnews.customer.act-on-coretech-reports',
    );
  });

  it('reads no report into chatter, nor into news the page says nothing of', () => {
    expect(abstains('coretech says hello')).toBe(true);
    expect(abstains('coretech loves us')).toBe(true);
    // A present tense says what the provider usually does; what it says is news, not the telling.
    expect(abstains('coretech promises 99.9% uptime')).toBe(true);
    expect(first('CoreTech tells customers about server problems?')).toBe('stellar.provider.inform-client-problems');
    expect(first('coretech says our invoice is overdue, what do we do?')).not.toMatch(/act-on-coretech-reports$/);
    // News the report duties say nothing of is answered by no section either.
    expect(abstains('coretech told us our invoice is overdue, what now?')).toBe(true);
    // A hacked site is a problem the page's incident duties speak of.
    expect(first('coretech told us our website was hacked')).toBe('rocketweb.customer.act-on-coretech-reports');
  });

  it('still reads a question about what the provider does as one', () => {
    expect(first('does coretech tell us about security problems on the vps?')).toBe(
      'stellar.provider.inform-client-problems',
    );
    expect(first('CoreTech ci avvisa se trova problemi sul server?')).toBe('stellar.provider.inform-client-problems');
  });

  it('knows verbs of telling from WordNet, in their inflected forms only', () => {
    const classes = wordClasses();
    for (const verb of ['says', 'warned', 'told', 'wrote', 'notified', 'emailed'])
      expect(classes.tells(verb), verb).toBe(true);
    // A base form may be a noun ("report", "email"); a verb that can act on a thing ("deleted",
    // "sent") may say what the provider did; other verbs do not tell.
    for (const word of ['report', 'email', 'deleted', 'sent', 'restored', 'server'])
      expect(classes.tells(word), word).toBe(false);
    expect(first('coretech deleted our mailbox by mistake, what now')).not.toMatch(/act-on-coretech-reports$/);
  });
});

describe('an activity beside a cadence', () => {
  it('asked about nothing else, names what falls due then: the schedule', () => {
    const monthly = answer('monthly chores for us?', knowledge);
    expect(monthly.view.abstained).toBe(false);
    expect(monthly.matches.length).toBeGreaterThan(1);
    expect(monthly.matches.every((m) => m.id.includes('.customer.'))).toBe(true);
  });

  it('only for an activity (WordNet noun.act alone): not a meeting, a payment or a stand-up', () => {
    expect(abstains('weekly meetings with coretech?')).toBe(true);
    expect(abstains('weekly meetings for us?')).toBe(true);
    expect(abstains('daily standup for us?')).toBe(true);
    expect(abstains('monthly payment for rocketweb?')).toBe(true);
    expect(abstains('canone mensile per il sito?')).toBe(true);
  });
});

describe('whose duties', () => {
  it('a possessive on a word of duty names the customer', () => {
    const duties = ids('i compiti nostri sulla posta');
    expect(duties.length).toBeGreaterThan(1);
    expect(duties.every((id) => id.startsWith('email.customer.'))).toBe(true);
  });

  it('after a word of duty, a preposition says whose duty it is', () => {
    const duties = ids('cosa spetta al cliente su rocketnews');
    expect(duties.length).toBeGreaterThan(1);
    expect(duties.every((id) => id.startsWith('rocketnews.customer.'))).toBe(true);
    // "tell Acme" keeps Acme the one told.
    expect(first('who must tell coretech about anomalies on the website?')).toBe('rocketweb.customer.report-anomalies');
  });
});

describe('is it ours?', () => {
  it("when only the provider's duties on that service speak of it, answers with them", () => {
    expect(first('our task to check the antivirus on rocketweb?')).toBe('rocketweb.provider.antivirus-check');
    expect(first('our job to keep the mail servers updated?')).toBe('email.provider.keep-mail-systems-updated');
  });
});

describe('how long', () => {
  it('answers a retention only for what the retentions keep, or a way of asking for it', () => {
    expect(abstains('how long are rocketbox logs kept?')).toBe(true);
    expect(first('how far back can coretech restore our emails?')).toBe('email.provider.backup-control');
    expect(first('how long are rocketweb backups kept?')).toBe('rocketweb.provider.backup-control');
  });

  it('reads the retention named as a thing as a period asked for', () => {
    expect(first('the retention of the rocketbox backups?')).toBe('rocketbox.provider.backup-control');
    expect(first('la conservazione dei backup di rocketnews?')).toBe('rocketnews.provider.backup-control');
    // Sygma's backups have no period on the page, and the customer sets none up.
    expect(abstains('the retention of the sygma backups?')).toBe(true);
    expect(abstains('la conservazione dei backup di sygma?')).toBe(true);
    // A keeping verb asks no period: where they are kept.
    expect(abstains('where are the sygma backups kept?')).toBe(false);
  });

  it('answers a retention the customer sets up with the duty to configure it, but no amount', () => {
    expect(first('the retention of our cloud server backups?')).toBe('stellar.customer.configure-backup-jobs');
    expect(abstains('how many days are our cloud server backups kept?')).toBe(true);
  });
});

describe('the provider owning a thing', () => {
  it('"la pagina di CoreTech" is whose page, not CoreTech acting', () => {
    expect(first("che cos'è il titolare del trattamento secondo la pagina di coretech")).toBe('definition-controller');
  });

  it('its duties, a cadence between, and an alternative with it, still name it', () => {
    // The page gives CoreTech no monthly duty: none of the customer's is listed instead.
    expect(ids('compiti mensili di coretech').some((id) => id.includes('.customer.'))).toBe(false);
    expect(ids('i compiti di coretech per rocketbox').every((id) => id.startsWith('rocketbox.provider.'))).toBe(true);
    expect(ids('backup della posta: compito nostro o di coretech?')).toEqual(
      expect.arrayContaining(['email.provider.backup-control', 'email.customer.mail-archive-backup']),
    );
  });
});

describe('Italian from general lexicons', () => {
  it('reads through rare verb forms and function words', () => {
    const classes = wordClasses();
    // italian-verbs-dict: a finite form or participle no everyday list holds.
    expect(classes.namesAThing('sparava')).toBe(false);
    // stopwords-iso: adverbs and prepositions the noun and verb lists leave out.
    for (const word of ['invece', 'dietro', 'ieri']) expect(classes.namesAThing(word), word).toBe(false);
    // A rare word no lexicon holds as a verb is a subject.
    expect(classes.namesAThing('ransomware')).toBeUndefined();
    expect(first('ieri la casella sparava spam, cosa fa coretech invece?')).toBe(
      'email.provider.hacked-account-response',
    );
  });

  it('reads a verb form right after an Italian auxiliary as the verb, noun or not', () => {
    // "detto" is also a noun (a saying): after "ci ha" it is said.
    expect(wordClasses().isItalianVerbForm('detto')).toBe(true);
    expect(wordClasses().isItalianVerbForm('rete')).toBe(false);
    expect(first('un collega ci ha detto che la casella manda spam, cosa fa coretech?')).toBe(
      'email.provider.hacked-account-response',
    );
  });

  it('keeps an infinitive after "si può" as the thing asked', () => {
    expect(abstains('la retention di 60 giorni della posta si può allungare a 90?')).toBe(true);
  });
});

describe('typo correction', () => {
  it('never turns an everyday word into another word of the page', () => {
    // "pesa" is not "pensa": the weight of a backup is not on the page.
    expect(abstains('quanto pesa un backup completo del nostro sito wordpress')).toBe(true);
    // "pane" (bread) is not "panel": an ending is changed only for an inflection.
    expect(abstains('chi controlla il pane di rocketbox?')).toBe(true);
  });

  it('never turns a rare word of a general dictionary into a word of the page', () => {
    // "resize" is not "reside", "gestionale" (management software) is not "gestione".
    expect(abstains('resize the stellar vm: who does it?')).toBe(true);
    expect(abstains('il gestionale lo aggiorna coretech?')).toBe(true);
    expect(wordClasses().isDictionaryWord('firmware')).toBe(true);
    expect(wordClasses().isDictionaryWord('bakcup')).toBe(false);
  });

  it('still corrects slips and endings', () => {
    expect(first('who checks the bakcup results on 1backup')).toBe('1backup.customer.check-backup-results');
    // A verb's ending: "esportano" is a form of "esporta".
    expect(first('ogni quanto esportano i dati da sygma?')).toBe('sygma.customer.data-export');
    expect(first('bakcup sito quanti giorni')).toBe('rocketweb.provider.backup-control');
    expect(first('how long are the rocketweb sites kept in backps')).toBe('rocketweb.provider.backup-control');
  });
});

describe('what a word does in an English sentence (part-of-speech tagger)', () => {
  /** The role the tagger gives one word of a sentence. */
  const roleOf = (text: string, word: string) => {
    const words = tokenize(text).map((token) => ({ ...token, typed: token.word }));
    return englishRoles(words)[words.findIndex((w) => w.typed === word)];
  };

  it('reads a word that can be a noun as the verb it is here', () => {
    expect(roleOf('who do we ping', 'ping')).toBe('other');
    expect(roleOf('should we ping CoreTech', 'ping')).toBe('other');
    // A contraction split at its apostrophe is read whole again ("who's", "doesn't").
    expect(roleOf("who's supposed to ping them, doesn't CoreTech?", 'ping')).toBe('other');
  });

  it('keeps nouns, compounds and adjectives before a noun as things', () => {
    expect(roleOf('the office printer', 'printer')).toBe('thing');
    // The lite model reads a compound's last noun as a verb; after a noun it is trusted only
    // after a question's do or a modal.
    expect(roleOf('what is the support email address', 'address')).toBe('thing');
    expect(roleOf('are Slack threads archived', 'threads')).toBe('thing');
    expect(roleOf('does GDPR cover our Brazilian suppliers', 'brazilian')).toBe('thing');
    // Right after a noun, a verb may be the claim of a yes-or-no question: the page must word it.
    expect(roleOf('does CoreTech scan the logs', 'scan')).toBe('thing');
  });

  it('reads an adverb through even beside a single subject of the page', () => {
    expect(first('who keeps sygma up to date nowadays?')).toBe('sygma.provider.keep-systems-updated');
    expect(first('who quietly keeps the RocketWeb servers patched?')).toBe('rocketweb.provider.keep-servers-updated');
    // A shouted everyday word is no name.
    expect(first('coretech reported malware on our server, we have to act FAST?')).toBe(
      'stellar.customer.act-on-coretech-reports',
    );
    // An acronym still is a subject.
    expect(abstains('who checks the DNS on rocketweb?')).toBe(true);
  });

  it('keeps a claim verb with an adverb before it', () => {
    expect(abstains('does coretech ever scan our server for viruses?')).toBe(true);
  });

  it('keeps the verb of a yes-or-no question about the provider as its claim, whatever the dictionary says', () => {
    expect(abstains('does CoreTech compress the rocketbox backups?')).toBe(true);
    expect(abstains('hey, does CoreTech mirror our site?')).toBe(true);
    // Asking for an amount is no claim.
    expect(first('how many days of backups does coretech hold for the mailboxes?')).toBe(
      'email.provider.backup-control',
    );
  });

  it('answers when the unknown word is only the verb of the question', () => {
    expect(first('something odd in the Stellar logs, who do we ping')).toBe('stellar.customer.check-system-logs');
  });

  it('still abstains when the unknown word names the thing asked', () => {
    expect(abstains("what's the Stellar support phone number?")).toBe(true);
    expect(abstains('are Slack threads archived in MailArchive?')).toBe(true);
    expect(abstains('does the GDPR cover our Brazilian suppliers?')).toBe(true);
    // "Scan" is what is asked of CoreTech; the page words a daily antivirus check, not a scan.
    expect(abstains('does CoreTech scan our websites for malware every night?')).toBe(true);
  });
});

describe('a clause opened by "but" / "ma"', () => {
  it('sets an apology before the question aside, in both languages', () => {
    expect(first('sorry for the newbie question but is the restore test on 1Backup our job?')).toBe(
      '1backup.customer.restore-test',
    );
    expect(first('scusate la domanda da principiante ma il test di ripristino su 1Backup tocca a noi?')).toBe(
      '1backup.customer.restore-test',
    );
  });

  it('keeps a clause that names a thing the page lacks as the subject', () => {
    expect(abstains('our Synology got encrypted but is 1Backup able to restore it?')).toBe(true);
    expect(abstains('la nostra stampante è rotta ma chi la controlla?')).toBe(true);
  });
});

describe('a story told before the question', () => {
  it('reads an everyday word in a clause telling what happened as context, in both languages', () => {
    // "session", "pile", "sessione", "tecnico": no word of the page; "suspicious", "sospetta" are.
    expect(
      first('a vendor session on the remote control tool looked suspicious last night, should we tell coretech?'),
    ).toBe('sygma-connect.customer.report-anomalies');
    expect(first('someone pulled a suspicious pile of files off rocketbox at night, should we tell coretech?')).toBe(
      'rocketbox.customer.report-anomalies',
    );
    expect(
      first('un tecnico esterno ha aperto una sessione sospetta col controllo remoto, dobbiamo avvisare coretech?'),
    ).toBe('sygma-connect.customer.report-anomalies');
  });

  it('keeps the question itself, a noun phrase put before it and a rare word as subjects', () => {
    // The clause that asks comes first: its unknown word is what it asks about.
    expect(abstains('what encryption algorithm does 1backup use, aes maybe?')).toBe(true);
    // No verb: "the antivirus BRAND…" tells nothing, it is what "who picks it?" asks about.
    expect(abstains('the antivirus brand on the mail servers, who picks it?')).toBe(true);
    expect(abstains("la marca dell'antivirus sui server di posta, chi la sceglie?")).toBe(true);
    // A rare word is a subject the page does not cover wherever it stands.
    expect(abstains('our synology box died on the vps, should we tell coretech?')).toBe(true);
    // Told after the question, the story is not before it.
    expect(abstains('should we tell coretech? a vendor session on the remote control tool looked suspicious')).toBe(
      true,
    );
  });

  it('hears a story only about the services of the page, and never as the cause asked for', () => {
    // No service named: the thing that broke is what the question is about, whatever duty it sounds like.
    expect(abstains('the coffee machine in the meeting room leaks, should we tell coretech?')).toBe(true);
    // A service named, but the story tells of nothing the page covers.
    expect(abstains('the canteen menu is on the web hosting and the lasagna was cold, should we tell coretech?')).toBe(
      true,
    );
    // "Why" asks for a cause, which the page never states.
    expect(abstains('our mailboxes bounce since monday, why are we on a blacklist?')).toBe(true);
  });
});

describe('false friends between the two languages', () => {
  it('never reads an Italian everyday word as the English word its stem happens to spell', () => {
    // "guarda" (looks at) is not "guard": no duty of guarding access data.
    const looked = ids('gli esiti dei backup di 1Backup chi li guarda?');
    expect(looked[0]).toBe('1backup.customer.check-backup-results');
    expect(looked).not.toContain('1backup.customer.guard-agent-access-data');
  });

  it('keeps the concept when the Italian list says it', () => {
    expect(ids('chi custodisce le password di Stellar?')).toContain('stellar.customer.guard-access-data');
  });
});

describe('an out-of-scope word that only says whose thing it is', () => {
  it('reads "the ceo\'s mailbox" as a mailbox', () => {
    expect(first("the ceo's mailbox got hacked, what does coretech do")).toBe('email.provider.hacked-account-response');
  });

  it('still abstains when the out-of-scope word is what is asked about', () => {
    expect(abstains("who is CoreTech's CEO?")).toBe(true);
    expect(abstains("what's the price's impact on backups")).toBe(true);
  });
});

describe('a sign-off after the question', () => {
  it('never swallows what follows a possessive: "our ACTIVE DIRECTORY … cheers!" is the subject', () => {
    expect(abstains('does coretech work with our active directory cheers!')).toBe(true);
    expect(abstains('does coretech connect to our active directory greatly appreciated 🙏')).toBe(true);
  });
});

describe('a clause about a thing the page lacks, which the question points back at', () => {
  it('abstains: the thing is what is asked about', () => {
    expect(abstains('our Active Directory is down, who monitors it?')).toBe(true);
    expect(abstains('our NAS died but can coretech restore it?')).toBe(true);
    expect(abstains('the ERP is slow but who monitors it?')).toBe(true);
    expect(abstains('the site works but the office laptop is broken, who repairs it?')).toBe(true);
    expect(abstains('il CRM si è bloccato, chi lo ripristina?')).toBe(true);
  });

  it('abstains when the question names nothing of the page and points back at a thing named before it', () => {
    expect(abstains("il frigo dell'ufficio, chi lo monitora?")).toBe(true);
    expect(abstains('the smoke alarm in the hallway beeps every minute, does coretech monitor it?')).toBe(true);
  });

  it('still reads a courtesy, or who asks, before such a question as filler', () => {
    const plain = first('who do we tell at coretech?');
    expect(plain).not.toBe('abstained');
    for (const courtesy of ['sorry for the trouble,', 'thanks for the help,', 'the boss is asking,'])
      expect(first(`${courtesy} who do we tell at coretech?`), courtesy).toBe(plain);
    const italian = first('chi avvisiamo in coretech?');
    for (const courtesy of ['scusatemi il disturbo,', 'una curiosità,'])
      expect(first(`${courtesy} chi avvisiamo in coretech?`), courtesy).toBe(italian);
  });

  it('still sets greetings aside, names and everyday words alike', () => {
    for (const greeting of ['Greetings Tomasz,', 'howdy fam 👋', 'afternoon everybody,', 'sorry to bother,'])
      expect(first(`${greeting} the 1backup results: who checks them?`), greeting).toBe(
        '1backup.customer.check-backup-results',
      );
    expect(first('raga, chi li controlla i backup di 1backup?')).toBe('1backup.customer.check-backup-results');
  });
});

describe('how fast', () => {
  it.each([
    ['coretech flagged our vps, how quickly do we have to act?', 'stellar.customer.act-on-coretech-reports'],
    ['how promptly do we have to inform coretech of anomalies on the server?', 'stellar.customer.report-anomalies'],
    [
      'coretech ci segnala un problema sul server, entro quanto dobbiamo intervenire?',
      'stellar.customer.act-on-coretech-reports',
    ],
    // "In quanto tempo" also asks how long something is kept; with "intervenire" it asks how soon.
    [
      'in quanto tempo dobbiamo intervenire se CoreTech ci segnala un problema sul sito?',
      'rocketweb.customer.act-on-coretech-reports',
    ],
  ])('"%s" is answered by a duty done "promptly"', (question, duty) => {
    expect(first(question)).toBe(duty);
  });

  it('abstains when no duty the question is about says how fast', () => {
    expect(abstains('how fast is a restore on 1backup?')).toBe(true);
    expect(abstains('in quanto tempo coretech ripristina un backup?')).toBe(true);
    expect(abstains('how long does the free mail export take?')).toBe(true);
  });
});

describe('how often', () => {
  it('prefers a duty with a frequency to one that holds all the time', () => {
    // "Evaluate the frequency or event for password changes" over "set strong passwords".
    expect(first('when do staff have to change their mail password?')).toBe('email.customer.password-change-policy');
  });

  it('still answers with the only duty there is', () => {
    expect(first('how often should we change the stellar server passwords?')).toBe('stellar.customer.server-passwords');
  });
});

describe('a closing after the question', () => {
  it('is set aside, even when its word could ask for a judgement', () => {
    expect(first('who checks the 1backup results? best, Marco')).toBe('1backup.customer.check-backup-results');
    expect(first('chi controlla gli esiti di 1backup? saluti, Marco')).toBe('1backup.customer.check-backup-results');
  });

  it('may take two words and a signature longer than a name', () => {
    expect(first('who checks the 1backup results? Kind regards, Giulia from Finance')).toBe(
      '1backup.customer.check-backup-results',
    );
    expect(first('chi controlla gli esiti di 1backup? Cordiali saluti, Giulia dell amministrazione')).toBe(
      '1backup.customer.check-backup-results',
    );
  });

  it('is only a closing after a question', () => {
    expect(abstains('which is the best backup? Marco')).toBe(true);
    expect(abstains('what is the price? best, Marco')).toBe(true);
    // Its last word asks for something the page never says.
    expect(abstains('who checks the 1backup results? lowest prices, Giulia')).toBe(true);
    // A word of the page in it is part of the question.
    expect(abstains('who checks the 1backup results? Kind regards, Giulia from AWS')).toBe(true);
  });
});

describe('a heading the question points back at', () => {
  it('is what is asked: a thing one can touch (WordNet) or a rare name, before "it", "them", "li"', () => {
    expect(abstains('Keyboards: who backs them up on Stellar?')).toBe(true);
    expect(abstains('laptop X1000, who backs it up on rocketweb?')).toBe(true);
    expect(abstains('Tablet: chi li aggiorna?')).toBe(true);
    expect(abstains('Ubuntu 22.04: who patches it on Stellar?')).toBe(true);
  });

  it('is a label, an address or a greeting otherwise, and the question is answered', () => {
    for (const label of ['Reminder', 'Boss', 'Background', 'Slide 4', 'Homework']) {
      expect(first(`${label}: who checks them on 1Backup?`)).toBe('1backup.provider.status-check');
    }
    // No Italian lexicon tells a label or a person from a thing: an everyday Italian noun is none.
    for (const label of ['Domanda', 'Dubbio', 'Ragazzi', 'Punto 2', 'Promemoria']) {
      expect(first(`${label}: chi li controlla su 1Backup?`)).toBe('1backup.provider.status-check');
    }
    // The pronoun points at what the question names after its verb.
    expect(first('Domanda: chi li controlla i backup di Stellar?')).toBe('stellar.customer.check-backup-results');
    // Not right before the question: it points at the story between them.
    expect(
      first('gm team, an account of ours got compromised and is blasting spam, what does coretech do about it'),
    ).toBe('email.provider.hacked-account-response');
  });
});

describe('an aside before the question with a word of questions the page never answers', () => {
  it('is set aside when the question names a subject of its own', () => {
    expect(first('feel free to answer later but who checks the 1backup results?')).toBe(
      '1backup.customer.check-backup-results',
    );
    expect(first('the price is high but who checks the 1backup results?')).toBe(
      '1backup.customer.check-backup-results',
    );
  });

  it('is set aside before a yes-or-no question too', () => {
    expect(first('feel free to answer later, but is CoreTech a CISPE member?')).toBe('cispe-member');
  });

  it('is still what is asked otherwise', () => {
    expect(abstains('prices, who sets them?')).toBe(true);
    expect(abstains('is it free? who checks the 1backup results?')).toBe(true);
    expect(abstains('what does 1backup cost? who checks the results?')).toBe(true);
  });

  it('is a heading, and what is asked, when it opens the message and holds nothing else', () => {
    expect(abstains('Prezzi, cosa include RocketWeb?')).toBe(true);
    expect(abstains('Costi: cosa include RocketWeb?')).toBe(true);
    expect(abstains('Prices: what does Stellar include?')).toBe(true);
    expect(abstains('NIS2: does Stellar comply?')).toBe(true);
    expect(abstains('Firewall, chi lo gestisce su Stellar?')).toBe(true);
    // Beside any other word it may be set aside, and a name is someone addressed.
    expect(first('Prices aside, who checks the 1backup results?')).toBe('1backup.customer.check-backup-results');
    expect(first('Costi a parte, chi controlla gli esiti di 1backup?')).toBe('1backup.customer.check-backup-results');
    expect(first('Dora, who checks the 1backup results?')).toBe('1backup.customer.check-backup-results');
    // With a verb it is still an aside.
    expect(first('prices went up, but who checks the 1backup results?')).toBe('1backup.customer.check-backup-results');
  });
});

describe('"vs" between two subjects', () => {
  it('joins them like "and"', () => {
    expect(ids('backup retention on rocketbox vs rocketnews')).toEqual(
      expect.arrayContaining(['rocketbox.provider.backup-control', 'rocketnews.provider.backup-control']),
    );
    expect(abstains('rocketbox vs dropbox, which is safer?')).toBe(true);
  });
});

describe('a time in the question', () => {
  it('says when something happened, never what is asked about', () => {
    expect(first('we saw weird logins on the cloud server on Saturday, should we tell coretech?')).toBe(
      'stellar.customer.report-anomalies',
    );
    expect(first('weird logins on our cloud server yesterday afternoon, should we tell coretech?')).toBe(
      'stellar.customer.report-anomalies',
    );
    expect(first('stamattina login strani sul server cloud, dobbiamo avvisare coretech?')).toBe(
      'stellar.customer.report-anomalies',
    );
    expect(first('login strani sul server cloud venerdì sera, dobbiamo avvisare coretech?')).toBe(
      'stellar.customer.report-anomalies',
    );
  });

  it('leaves a cadence a cadence, and the rest of the question still decides', () => {
    expect(ids('cosa dobbiamo controllare ogni mattina?')).toContain('1backup.customer.check-backup-results');
    expect(abstains('is coretech support open on Saturday?')).toBe(true);
    expect(abstains('our printer broke on Monday, who fixes it?')).toBe(true);
  });
});

describe('an Italian infinitive with a pronoun joined to it', () => {
  it('is the verb itself', () => {
    expect(first('accessi strani su rocketnews, dobbiamo dirlo a coretech?')).toBe(
      'rocketnews.customer.report-anomalies',
    );
    expect(first('accessi strani su rocketnews, dobbiamo segnalarlo a coretech?')).toBe(
      'rocketnews.customer.report-anomalies',
    );
  });

  it('never turns a name of that shape into a verb', () => {
    expect(first('Carlo chiede: chi controlla i backup di rocketweb?')).toBe('rocketweb.provider.backup-control');
  });
});

describe('a short lowercase word after a determiner', () => {
  it('is a noun the page may not cover, not chat shorthand', () => {
    expect(abstains('il nas è morto, coretech può ripristinarlo?')).toBe(true);
    expect(abstains('our erp crashed, can coretech restore it?')).toBe(true);
  });

  it('is still shorthand elsewhere', () => {
    expect(first('chi controlla i backup di rocketweb? cmq grazie')).toBe('rocketweb.provider.backup-control');
    expect(first('who checks the rocketweb backups? tia')).toBe('rocketweb.provider.backup-control');
  });
});

describe('a question naming no concept and no service of the page', () => {
  it('is answered only by a section that says each of its words', () => {
    expect(abstains('orari del supporto tecnico di coretech?')).toBe(true);
    expect(abstains('technical support hours at coretech?')).toBe(true);
    expect(first('can coretech intervene technically on our services?')).toBe('shared-responsibility');
  });

  it('leaves a question for a schedule or a kind of answer alone', () => {
    expect(ids('hey team what do we have to do every month?')).toContain('rocketweb.customer.website-backup');
    expect(ids('hey team which of our duties are daily?')).toContain('1backup.customer.check-backup-results');
  });
});

describe('a clause after the question that asks nothing and states nothing', () => {
  it('is said about the asking, even with a rare word or a word the page happens to use', () => {
    expect(first('who checks the 1backup results? by EOW')).toBe('1backup.customer.check-backup-results');
    expect(first('chi controlla gli esiti di 1backup - il capo insiste, urgentissimamente')).toBe(
      '1backup.customer.check-backup-results',
    );
    // "thanks" is a word of the page ("thanks to…"), which must not steer the answer.
    expect(first('what must we do every day? thanks')).not.toBe('infrastructure-security');
  });

  it('still counts when the question points at what it states, or when it names a thing', () => {
    expect(abstains('can coretech restore it? our NAS died')).toBe(true);
    expect(abstains('does coretech handle this? ransomware hit our office pcs')).toBe(true);
    expect(abstains('cosa fa coretech in questi casi? ci hanno rubato i portatili')).toBe(true);
    expect(abstains('which backups does coretech keep? the DNS ones')).toBe(true);
  });
});

describe('chat shorthand closing the question', () => {
  it('may follow any word that asks for no noun', () => {
    expect(first('does coretech patch wordpress or do we do it thx')).toBe('rocketweb.customer.security-updates');
  });

  it('is a noun after a determiner or a preposition', () => {
    expect(abstains('who backs up our pc')).toBe(true);
    expect(abstains('who backs up the files for hr')).toBe(true);
  });
});

describe('every interrogative of either language', () => {
  it('opens the question, so the words before it are no subject', () => {
    expect(first('per favore quali sono i nostri compiti su rocketnews?')).toBe('rocketnews.customer.panel-password');
  });
});

describe('who the question is about, when a clause of context comes first', () => {
  it('is named in the clause that asks', () => {
    expect(first('we removed a file from the site last week, does coretech still keep a backup of it?')).toBe(
      'rocketweb.provider.backup-control',
    );
    expect(first('usiamo rocketnews per le newsletter, coretech cosa fa?')).toMatch(/^rocketnews\.provider\./);
  });

  it('is still ours when the clause that asks says so', () => {
    expect(first('coretech flagged a problem on our newsletter account, what must we do?')).toBe(
      'rocketnews.customer.act-on-coretech-reports',
    );
  });
});

describe('two letters typed in the wrong order', () => {
  it('are read as the function word meant', () => {
    expect(first('how often do we hvae to test restores on mailarchive')).toBe('mailarchive.customer.restore-test');
    expect(first('hwo checks the rocketbox backups?')).toBe('rocketbox.provider.backup-control');
  });
});

describe('who asks, before a verb of asking', () => {
  it('is no subject, even as a rare word', () => {
    expect(first('il revisore chiede quanti giorni coretech conserva i backup di rocketbox')).toBe(
      'rocketbox.provider.backup-control',
    );
  });

  it('is no subject in a clause of its own either', () => {
    expect(first('il revisore chiede: chi controlla gli esiti dei backup di 1backup?')).toBe(
      '1backup.customer.check-backup-results',
    );
  });

  it('leaves what is asked to decide', () => {
    expect(abstains('il revisore chiede quanto costa rocketbox')).toBe(true);
  });
});

describe('who asks, named as a party before the question', () => {
  it('is the asker, not who the question is about', () => {
    expect(first('customer on the phone asking - who sets up the backup jobs on stellar?')).toBe(
      'stellar.customer.configure-backup-jobs',
    );
    expect(first('client on the line requesting: how long are rocketweb backups kept?')).toBe(
      'rocketweb.provider.backup-control',
    );
  });

  it('leaves a thing named in that clause as the subject', () => {
    expect(abstains('the auditor asking about our laptops - who backs them up?')).toBe(true);
  });
});

describe('a schedule asked for in the words of a to-do list', () => {
  it('is the list of the duties falling due then', () => {
    const monthly = ids('monthly checklist on our side?');
    expect(monthly).toContain('rocketweb.customer.website-backup');
    expect(ids('checklist mensile per noi?')).toEqual(monthly);
    // "Tutte le settimane" is "ogni settimana", as "tutti i giorni" is "ogni giorno".
    expect(ids('cosa facciamo tutte le settimane?')).toEqual(ids('cosa facciamo ogni settimana?'));
  });
});

describe('asking who does what within a service or a schedule', () => {
  it('lists both parties’ duties there', () => {
    const listed = ids('chi fa cosa su Rocketbox?');
    expect(listed.some((id) => id.startsWith('rocketbox.provider.'))).toBe(true);
    expect(listed.some((id) => id.startsWith('rocketbox.customer.'))).toBe(true);
    expect(ids('chi fa cosa ogni giorno su rocketnews')).toEqual(['rocketnews.provider.backup-control']);
  });

  it('is the section on sharing the work when nothing narrows it', () => {
    expect(first('who does what, us or coretech')).toBe('shared-responsibility');
  });
});

describe('an interjection closing a question typed without a question mark', () => {
  it('is set aside with the few words after it', () => {
    for (const closing of ['thanks a ton', 'sorry to nag', 'oh and thanks', 'lmao', 'asap'])
      expect(first(`who keeps the rocketbox servers patched ${closing}`)).toBe(
        'rocketbox.provider.keep-servers-updated',
      );
  });

  it('leaves a thing the page does not name as the subject', () => {
    expect(abstains('does coretech back up our office printer thanks a ton')).toBe(true);
    expect(abstains('does coretech back up my laptop sorry')).toBe(true);
    // An adverb of the dictionaries may be what is asked: only one of chat closes.
    expect(abstains('are the 1backup backups done incrementally')).toBe(true);
  });

  it('is never a determiner that can also interject, opening a noun phrase', () => {
    expect(wordClasses().canInterject('my')).toBe(true);
    expect(abstains('who backs up the rocketbox share and my laptop')).toBe(true);
  });
});

describe('an Italian closing typed without a question mark', () => {
  // No lexicon says which Italian words thank or greet, but an Italian noun phrase never takes a
  // second bare noun: such a noun after the question's subject starts a closing.
  it('is set aside when a bare noun follows the complete question', () => {
    for (const closing of [
      'grazie mille',
      'saluti',
      'ragazzi grazie',
      'grazie in anticipo',
      'cordiali saluti',
      'buona serata',
    ])
      expect(first(`chi controlla l'antivirus della posta ${closing}`)).toBe('email.provider.antivirus-check');
    expect(first('ogni quanto va fatto il test di ripristino su mailarchive saluti')).toBe(
      'mailarchive.customer.restore-test',
    );
    // "la", "le" before a verb are its pronoun, not an article opening a phrase.
    expect(first('la password ftp chi la imposta ragazzi')).toBe(first('la password ftp chi la imposta'));
    expect(first('la password ftp chi la imposta')).not.toBe('abstained');
  });

  it('reads "per" with a bare singular noun, last after a question, as how it is asked', () => {
    for (const closing of ['per favore', 'per cortesia'])
      expect(first(`chi controlla l'antivirus della posta ${closing}`)).toBe('email.provider.antivirus-check');
    // A thing asked about is plural, or takes an article, or is no Italian noun.
    expect(abstains('chi aggiorna i driver per stampanti')).toBe(true);
    expect(abstains('chi aggiorna i driver per le stampanti')).toBe(true);
    expect(abstains('coretech fa il backup per ransomware?')).toBe(true);
    expect(wordClasses().isSingularBareItalianNoun('favore')).toBe(true);
    expect(wordClasses().isSingularBareItalianNoun('stampanti')).toBe(false);
  });

  it('reads "per" with a bare singular noun right after a verb as how it is done or asked', () => {
    expect(first('chi controlla per favore i backup su rocketweb?')).toBe(
      first('chi controlla i backup su rocketweb?'),
    );
    expect(first("ho cancellato per sbaglio un file condiviso tre settimane fa, c'è ancora nel backup?")).toBe(
      first("ho cancellato un file condiviso tre settimane fa, c'è ancora nel backup?"),
    );
    // A thing the verb acts on is plural or takes an article; after a noun it may say which thing.
    expect(abstains('chi aggiorna per stampanti i driver')).toBe(true);
    expect(abstains('coretech fa backup per ufficio?')).toBe(true);
    // A word of questions the page never answers stays one.
    expect(abstains('coretech controlla per contratto i backup?')).toBe(true);
  });

  it('reads "per favore" after a request as how it is asked, also with more closing after it', () => {
    // A request for a list asks with no question word ("elenco…", "lista…").
    const ours = first('elenco dei nostri compiti su rocketweb');
    expect(ours).toBe('rocketweb.customer.panel-passwords');
    for (const closing of ['per favore', 'per cortesia', 'per favore grazie', 'per favore, grazie mille'])
      expect(first(`elenco dei nostri compiti su rocketweb ${closing}`)).toBe(ours);
    expect(first("mi fai l'elenco dei nostri compiti su rocketweb per favore")).toBe(ours);
    expect(first('chi controlla i backup su rocketweb per favore grazie mille')).toBe(
      first('chi controlla i backup su rocketweb'),
    );
    // What follows must be closing too: a noun phrase after it is still asked about.
    expect(abstains('chi controlla i backup per favore delle stampanti')).toBe(true);
    expect(abstains('elenco dei compiti sui portatili per favore grazie')).toBe(true);
    expect(abstains('elenco compiti stampanti per favore')).toBe(true);
  });

  it('leaves a noun that names which thing, counts or is asked about as the subject', () => {
    // After an article and its noun, a second noun names which one.
    expect(abstains('coretech offre il servizio centralino')).toBe(true);
    expect(abstains('chi gestisce il server stampa')).toBe(true);
    // A number counts the noun after it.
    expect(abstains("il pannello sygma ha l'autenticazione a due fattori?")).toBe(true);
    expect(abstains('mailarchive tiene le mail archiviate per 10 anni?')).toBe(true);
    // Carrying the question mark, it is asked about.
    expect(abstains('coretech fa la manutenzione impianti?')).toBe(true);
    // With no question word, nouns typed like a search stack.
    expect(abstains('sygma connect stampa remota')).toBe(true);
    expect(abstains('rocketweb con registrazione domini')).toBe(true);
    expect(abstains('rocketnewsletter invio sms')).toBe(true);
  });

  it('is never read in English, whose nouns stack ("the mail server ROOM")', () => {
    expect(wordClasses().isBareItalianNoun('grazie')).toBe(true);
    expect(wordClasses().isBareItalianNoun('router')).toBe(false);
    expect(wordClasses().isBareItalianNoun('condiviso')).toBe(false);
    expect(abstains('who monitors the mail server room')).toBe(true);
  });
});

describe('an interjection opening the message', () => {
  it('is chat, not the subject, in either language', () => {
    expect(first('ehi la password di plesk chi la custodisce?')).toBe('rocketweb.customer.guard-login-data');
    expect(first('boh la conservazione dei backup della posta quanto dura?')).toBe('email.provider.backup-control');
    expect(first('hey guys retention of the email backups?')).toBe('email.provider.backup-control');
    expect(first('uhm the sygma servers, who patches them')).toBe('sygma.provider.keep-systems-updated');
  });

  it('leaves a thing the page does not name as the subject', () => {
    expect(abstains('hey guys the office printer, who fixes it')).toBe(true);
    expect(abstains('ehi la stampante dell ufficio chi la ripara?')).toBe(true);
  });
});

describe('a question word written with a capital inside the message', () => {
  it('opens a sentence, as after a full stop nobody typed', () => {
    expect(first("urgent Are CoreTech's data centers in Italy?")).toBe('data-centre-italy');
    expect(first('super urgent Is the rocketweb backup kept 35 days?')).toBe('rocketweb.provider.backup-control');
    // What the new sentence points back at is still the subject.
    expect(abstains('laptop Who backs it up?')).toBe(true);
  });
});

describe('a sentence after a question complete in itself', () => {
  it('is why it is asked, or a hedge, whatever it names', () => {
    expect(first('who checks the 1backup results? our NAS died')).toBe('1backup.customer.check-backup-results');
    expect(first('who keeps the sygma servers updated? the vendor questionnaire says nobody')).toBe(
      'sygma.provider.keep-systems-updated',
    );
    expect(first('chi controlla i backup di rocketweb? il revisore dice che nn lo facciamo')).toBe(
      'rocketweb.provider.backup-control',
    );
  });

  it('follows a question naming a thing no Italian dictionary holds ("il CISPE")', () => {
    expect(first('coretech sta nel cispe? pensavo di aver letto qualcosa sul codice di condotta')).toBe('cispe-member');
  });

  it('may ask for a list, or follow a sentence that names what the question is about', () => {
    expect(first('who checks the rocketweb backups? need a list for the ISMS pls')).toBe(
      'rocketweb.provider.backup-control',
    );
    expect(first('coretech ha segnalato un problema su rocketbox. dobbiamo intervenire? Marco è in ferie')).toBe(
      'rocketbox.customer.act-on-coretech-reports',
    );
  });

  it('is not read without a question mark, where a party may have taken a statement for the question', () => {
    expect(first('the newsletter tool shows sends we never scheduled, should we tell coretech')).toBe(
      'rocketnews.customer.report-anomalies',
    );
  });
});

describe('a figure typed the chat way', () => {
  it('is an ordinal in digits, or a figure of the page with its unit glued on', () => {
    expect(first('is there a 2nd copy of the sygma backups in another data center?')).toBe(
      'sygma.provider.offsite-backup',
    );
    expect(first('la posta: i backup restano 60gg?')).toBe('email.provider.backup-control');
  });

  it('stays a subject the page does not know otherwise', () => {
    expect(abstains('How long does it take to restore a 1TB backup?')).toBe(true);
    expect(abstains('how fast is a full restore from 1backup for like 500gb')).toBe(true);
  });
});

describe('a product the page never names, taken for a service', () => {
  it('is not one of its services: certified e-mail (PEC) is not the e-mail service', () => {
    expect(abstains('CoreTech fornisce la PEC?')).toBe(true);
    expect(abstains('caselle PEC su coretech?')).toBe(true);
  });
});

describe('a service named by its brand beside a generic word', () => {
  it('is named by name: a subject its duties never speak of does not send the answer elsewhere', () => {
    // "server" alone only hints; with the brand beside it, the retention asked is Stellar's.
    expect(first('quanto è la retention dei backup dei server stellar')).toMatch(/^stellar\./);
    expect(first('quanto è la retention dei backup dei server stellar')).toBe(
      first('quanto è la retention dei backup di stellar'),
    );
  });

  it('says the page states no retention period before saying who sets the backups up', () => {
    const summary = (question: string) => answer(question, knowledge).view.summary;
    expect(summary("what's the backup retention on stellar cloud servers")).toMatch(
      /^The document states no retention period for Stellar/,
    );
    expect(summary('quanto è la retention dei backup dei server stellar')).toMatch(
      /^Il documento non indica un periodo di conservazione per Stellar/,
    );
    // Where the page states one, the period is given instead.
    expect(summary("what's the retention of the rocketweb backups?")).toContain('35 days');
    expect(summary("what's the retention of the rocketweb backups?")).not.toContain('no retention period');
  });
});

describe('a noun of people beside a pronoun', () => {
  it('says who the pronoun is, and is not asked about', () => {
    expect(first('how long do you guys keep backups for rocketweb sites')).toBe('rocketweb.provider.backup-control');
    expect(first('how long do you folks keep the mail backups')).toBe('email.provider.backup-control');
    expect(wordClasses().canNamePeople('guys')).toBe(true);
    expect(wordClasses().namesPeople('guys')).toBe(false);
  });

  it('leaves a thing beside the pronoun, or after the verb, as the subject', () => {
    expect(abstains('do you guys back up our laptops')).toBe(true);
    expect(wordClasses().canNamePeople('laptops')).toBe(false);
  });
});

describe('a first name opening the message', () => {
  it('addresses someone when nothing else can be meant', () => {
    expect(first('marco quick q who checks the rocketweb backups')).toBe('rocketweb.provider.backup-control');
    expect(first('giulia chi controlla i backup di rocketweb?')).toBe('rocketweb.provider.backup-control');
    // Right before the question, a name in the lists that is a word too ("buongiorno" is both).
    expect(first("buongiorno i dati sono in italia o all'estero?")).toBe('data-centre-italy');
  });

  it('is the word it also is otherwise', () => {
    expect(abstains('max attachment size for rocketnews?')).toBe(true);
  });
});

describe('a phrase opening with a preposition before the question', () => {
  it('says what the question is for', () => {
    expect(first('for the SOC2 review: who sets up the backup jobs on stellar?')).toBe(
      'stellar.customer.configure-backup-jobs',
    );
  });

  it('is still the subject when the question points at it', () => {
    expect(abstains('for the laptops: who backs them up?')).toBe(true);
  });
});

describe('a word before an English yes-or-no question', () => {
  it('is outside the question, which opens with its inverted verb', () => {
    expect(first('hmm does coretech check the system logs on rocketweb?')).toBe(
      'rocketweb.provider.security-anomaly-check',
    );
  });

  it('is still the subject when the question points at it', () => {
    expect(abstains('laptop does coretech back it up?')).toBe(true);
  });

  it('opens with a copula too, when a determiner opens the subject after it', () => {
    expect(first('yo is the datacenter in italy?')).toBe('data-centre-italy');
    // After its subject a copula states; before a pronoun or a demonstrative it may point back.
    expect(abstains('the printer is backed up?')).toBe(true);
    expect(abstains('laptop is it backed up?')).toBe(true);
    expect(abstains('laptop is that backed up?')).toBe(true);
  });
});

describe('a common Italian word that English writes as an acronym', () => {
  it('keeps its Italian class: "mi SA che…" is the verb, not "SA"', () => {
    expect(wordClasses().namesAThing('sa')).toBe(false);
    expect(first('mi sa che i backup della posta li tiene coretech per 60 giorni, giusto?')).toBe(
      'email.provider.backup-control',
    );
  });
});

describe('every preposition of the grammar', () => {
  it('is a function word, never the subject', () => {
    expect(first('list our duties on rocketbox before thursday')).toBe('rocketbox.customer.panel-password');
  });
});

describe('asking whether a duty is ours when it is the provider’s', () => {
  it('answers with the provider’s duty, which says whose job it is', () => {
    expect(first('do we check the mail backups every day?')).toBe('email.provider.backup-control');
    expect(first('dobbiamo controllare noi ogni giorno i backup della posta?')).toBe('email.provider.backup-control');
  });

  it('takes a party alone after "who" as a guess to confirm, not as who the question is about', () => {
    expect(first('controllo giornaliero dei backup sulla posta chi lo fa, noi?')).toBe('email.provider.backup-control');
    expect(first('who checks the email backups every day, us?')).toBe('email.provider.backup-control');
  });

  it('never answers a question about one duty with a sentence about the workspace’s reminders', () => {
    const view = answer('controllo giornaliero dei backup sulla posta chi lo fa, noi?', knowledge).view;
    expect(view.summary).not.toMatch(/promemoria/);
    expect(view.summary).toMatch(/CoreTech/);
  });
});

describe('what a party takes on, for a named service', () => {
  it('is that service’s duties, not the general section on commitments', () => {
    const listed = ids("What are CoreTech's commitments for Sygma Connect?");
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.every((id) => id.startsWith('sygma-connect.provider.'))).toBe(true);
    expect(first('Quali sono gli impegni di CoreTech per Sygma Connect?')).toMatch(/^sygma-connect\./);
  });

  it('is still the section on commitments when no service is named', () => {
    expect(first("what are coretech's commitments as sub-processor?")).toBe('processor-commitments');
  });
});

describe('a note on the page', () => {
  it('is said once in an answer, under the first item it concerns', () => {
    const items = answer("In which country are CoreTech's data centres located?", knowledge).view.items;
    const notes = items.flatMap((item) => item.errata);
    expect(notes.length).toBeGreaterThan(0);
    expect(new Set(notes).size).toBe(notes.length);
  });
});

describe('a set phrase opening the message with a preposition', () => {
  it('is politeness or manner when a question complete without it follows at once', () => {
    expect(first('per cortesia conservazione dei backup della posta')).toBe('email.provider.backup-control');
    expect(first('per piacere retention dei backup di rocketnews')).toBe('rocketnews.provider.backup-control');
    // "out of": a particle may open a compound preposition.
    expect(first('out of curiosity is the mail antivirus checked every day?')).toBe('email.provider.antivirus-check');
  });
  it('leaves what follows to be judged: a subject the page does not know still abstains', () => {
    expect(abstains('per favore conservazione backup dei portatili')).toBe(true);
    expect(abstains('per piacere conservazione delle fatture')).toBe(true);
    expect(abstains('out of curiosity is the printer firmware updated by coretech?')).toBe(true);
    expect(abstains('per favore AWS fa i backup?')).toBe(true);
  });
});

describe('a question reported for someone who asks it', () => {
  it('opens at its complementizer after a verb of asking: who asks is not the subject', () => {
    expect(first("l'ufficio acquisti chiede se i nostri dati restano in italia con coretech")).toBe(
      'data-centre-italy',
    );
    expect(first('il revisore chiede se le password dei server cloud vanno cambiate')).toBe(
      'stellar.customer.server-passwords',
    );
  });
  it('still abstains on a subject the page does not know', () => {
    expect(abstains('the auditor asks if our laptops are backed up')).toBe(true);
    expect(abstains('il revisore chiede se i portatili hanno il backup')).toBe(true);
  });
});

describe('Italian chat’s "x" for "per"', () => {
  it('is a preposition: a phrase it opens before the question says what it is for', () => {
    expect(first('x la DPIA: chi controlla i backup di sygma ogni giorno?')).toMatch(
      /^sygma\..*backup-integrity-check$/,
    );
  });
});

describe('the provider’s own machines, "their servers"', () => {
  it('are where the data is kept, not the cloud-server service sold to us', () => {
    expect(first('who is responsible for the security of the data we put on their servers?')).toBe(
      'customer-hosted-data-security',
    );
    expect(first('chi risponde della sicurezza dei dati che teniamo sui loro server?')).toBe(
      'customer-hosted-data-security',
    );
  });
  it('are the staff’s own when "their" is the staff’s', () => {
    expect(first('who decides when staff have to change their mail password, us or coretech')).toMatch(/^email\./);
  });
});

describe('a noun naming the quality an adjective of the page says', () => {
  it('is read as that adjective: the complexity of passwords is what "complex passwords" says', () => {
    expect(first('Chi definisce la complessità delle password della posta elettronica?')).toBe(
      'email.customer.mail-passwords',
    );
  });
  it('goes back only to a word of its own language', () => {
    // "quality" is not Italian "quale"; nothing of the page speaks of the backups' quality.
    expect(abstains('what quality of backups does coretech keep?')).toBe(true);
    expect(abstains('what is the durability of the backups?')).toBe(true);
  });
});

describe('a clause of purpose after the question', () => {
  it('says why it is asked: its words are no subject of their own', () => {
    expect(first('who watches the web server so the site stays up?')).toBe('rocketweb.provider.webserver-monitoring');
    expect(first("chi tiene d'occhio il server di posta per evitare disservizi")).toBe(
      'email.provider.mail-server-monitoring',
    );
  });
  it('is what is asked after a question naming no subject of the page ("can we use it to…")', () => {
    expect(abstains('possiamo usare rocketbox per condividere film?')).toBe(true);
  });
  it('still holds a rare word that is a subject', () => {
    expect(abstains('who monitors the web server so our ransomware stays away?')).toBe(true);
    expect(abstains('chi controlla il server cloud per evitare attacchi ddos?')).toBe(true);
  });
});

describe('two roles joined by "or"', () => {
  it('share the complement said once or not at all: "titolare o responsabile" is controller or processor', () => {
    // About the data we host, CoreTech is the (sub-)processor, not the controller.
    expect(first("ma coretech per i dati che ospitiamo e' titolare o responsabile?")).toBe('coretech-as-sub-processor');
    const reply = answer('coretech è titolare o responsabile?', knowledge);
    expect(reply.view.summary).toMatch(/^Il titolare dei dati personali che ospitate/);
  });
  it('reads a word alone as it reads: "responsabile" alone is whoever is responsible', () => {
    expect(first('chi è responsabile dei backup di rocketweb?')).toMatch(/^rocketweb\./);
  });
});

describe('a question whose mark closes a guess after it', () => {
  it('is complete in itself: "…chi li controlla ogni giorno, noi o coretech?"', () => {
    expect(first('per la DPIA: i backup di sygma chi li controlla ogni giorno, noi o coretech?')).toMatch(
      /^sygma\..*backup-integrity-check$/,
    );
  });
  it('still holds its own subject the page does not know', () => {
    expect(abstains('per la DPIA: i portatili chi li controlla ogni giorno, noi o coretech?')).toBe(true);
  });
});

describe('a statement after a question that opens with a question word but has no mark', () => {
  it('is why it is asked: "…, the DPO wants the list"', () => {
    expect(first('what exactly does coretech promise to do as sub-processor, the DPO wants the list')).toBe(
      'processor-commitments',
    );
    expect(first('who is responsible for the rocketnews panel password, marketing keeps using 1234')).toBe(
      'rocketnews.customer.panel-password',
    );
  });
  it('leaves the question’s own subject to be judged', () => {
    expect(abstains('who backs up our laptops, the office manager asked')).toBe(true);
    expect(abstains('what does coretech do about ransomware, our NAS got hit')).toBe(true);
    expect(abstains('chi fa il backup dei portatili, il capo lo vuole sapere')).toBe(true);
  });
});

describe('a lowercase acronym carrying the question mark', () => {
  it('is asked about, not chat shorthand: "stellar ha istanze gpu?" abstains', () => {
    expect(abstains('stellar ha istanze gpu?')).toBe(true);
    expect(abstains('does the stellar server have a ssd?')).toBe(true);
  });
  it('is chat shorthand after the question mark or without one', () => {
    expect(first('who keeps the rocketbox servers updated? thx')).toBe('rocketbox.provider.keep-servers-updated');
  });
});

describe('chat shorthand for a service’s own word', () => {
  it('expands "wp" to the hosting’s WordPress: a word heard only in another provider’s product name ("Workspace") is never the expansion', () => {
    expect(first('who updates wp on the hosting?')).toBe('rocketweb.customer.security-updates');
    expect(first('chi aggiorna wp sul nostro hosting?')).toBe('rocketweb.customer.security-updates');
  });
});

describe('a clause of contrast after the question', () => {
  it('reads "…, not our X" as what is not asked about', () => {
    expect(first('who keeps the rocketbox servers updated, not our office pcs')).toBe(
      'rocketbox.provider.keep-servers-updated',
    );
    expect(first('who runs the antivirus on the hosting, not the one on our laptops')).toBe(
      'rocketweb.provider.antivirus-check',
    );
  });
  it('still reads an Italian clitic after "non" as asking again', () => {
    // "non LO fa…?" is no article: the clause is read, and the page's subject answers.
    expect(abstains('il backup dei server, non lo fa coretech?')).toBe(false);
  });
  it('never hides the question’s own subject in the first clause', () => {
    expect(abstains('who backs up our laptops, not the servers')).toBe(true);
  });
});

describe('the provider reporting in a condition or a clause before the question', () => {
  it('reads "se/quando Acme ci scrive…, dobbiamo…?" as a report we act on', () => {
    expect(first('se coretech ci scrive per un problema sulla newsletter, tocca a noi sistemarlo?')).toBe(
      'rocketnews.customer.act-on-coretech-reports',
    );
    expect(first('coretech ci manda un avviso sulla posta, dobbiamo fare qualcosa?')).toBe(
      'email.customer.act-on-coretech-reports',
    );
    expect(first('when coretech warns us about the rocketbox account, what do we do?')).toBe(
      'rocketbox.customer.act-on-coretech-reports',
    );
  });
  it('reads a verb with a message as its object as a report: "sent a warning", "opened a ticket"', () => {
    expect(first('coretech sent a warning about our rocketbox account, what do we do')).toBe(
      'rocketbox.customer.act-on-coretech-reports',
    );
    expect(first('coretech opened a ticket about problems on the newsletter tool, do we need to step in')).toBe(
      'rocketnews.customer.act-on-coretech-reports',
    );
  });
  it('still asks what the provider does when one clause asks it, or the clause that asks names it', () => {
    expect(first('coretech ci avvisa se c’è un problema sul server?')).toBe('stellar.provider.inform-client-problems');
    expect(first('if coretech finds a problem on the vps, what do they do?')).toBe(
      'stellar.provider.inform-client-problems',
    );
    // A problem is what the provider may notice, not a message it sent.
    expect(first('If CoreTech notices a problem on our vps, what does it do?')).toBe(
      'stellar.provider.inform-client-problems',
    );
  });
});

describe('who receives what the question is about', () => {
  it('reads the phrase after "to"/"with", past a verb that passes on what is kept from anyone, as who receives', () => {
    expect(first('can we share the rocketbox logins with the new design agency?')).toMatch(
      /^rocketbox\.customer\.guard-access-data/,
    );
    expect(ids('can i give the sygma password to the external contractor?')).toContain(
      'sygma.customer.guard-access-data',
    );
    expect(first('is it ok to email the newsletter panel password to the new interns?')).toMatch(/^rocketnews\./);
  });
  it('still reads a thing there as a subject the page does not cover', () => {
    expect(abstains('can we send the mail server logs to our SIEM?')).toBe(true);
    expect(abstains('can we share the rocketbox files with our NAS?')).toBe(true);
  });
  it('reads the same in Italian, after any verb: "darlo all’agenzia", "al grafico"', () => {
    expect(first('l’accesso ftp del sito possiamo darlo all’agenzia web?')).toBe('rocketweb.customer.guard-login-data');
    expect(ids('possiamo dare la password di plesk al grafico?').slice(0, 2)).toContain(
      'rocketweb.customer.panel-passwords',
    );
  });
  it('whoever receives what is kept from anyone: the duty to guard it answers', () => {
    expect(first('should we give the Plesk login to our new trainee?')).toBe('rocketweb.customer.guard-login-data');
  });
  it('still asks about a receiver that is a product, or about what the access is to', () => {
    expect(abstains('can we share the sygma passwords with LastPass?')).toBe(true);
    expect(abstains('possiamo dare l’accesso ai log al revisore?')).toBe(true);
    expect(abstains('possiamo dare l’accesso alla VPN al fornitore?')).toBe(true);
  });
  it('only for what the pack says to keep from anyone: passing anything else on asks about who gets it', () => {
    expect(abstains('possiamo mandare i backup delle vm alla capogruppo?')).toBe(true);
    expect(abstains('possiamo girare i log del server al revisore?')).toBe(true);
    expect(abstains('should we send the VM backups to our parent company?')).toBe(true);
    expect(abstains('should we send the backup reports to the board of directors?')).toBe(true);
  });
});

describe('a time beside a word', () => {
  it('says when, not which thing: "two weeks AGO", "next YEAR" (WordNet noun.time)', () => {
    expect(first('i removed a file on rocketbox two weeks ago, is it still in a backup?')).toBe(
      'rocketbox.provider.backup-control',
    );
    expect(first('we may change mail provider next year, must we keep our own copy of all mail?')).toBe(
      'email.customer.mail-archive-backup',
    );
  });
  it('leaves a thing beside a time a subject of its own', () => {
    expect(abstains('who backs up our laptops every week?')).toBe(true);
    expect(abstains('does coretech keep the printer logs for a few months?')).toBe(true);
  });
});

describe('the language of a message of service words', () => {
  it('counts no word the pack names a service by in both languages ("hosting"), so "giusto" decides', () => {
    expect(answer('backup hosting, giusto?', knowledge).lang).toBe('it');
    expect(answer('hosting backup retention?', knowledge).lang).toBe('en');
  });
});

describe('a service’s name used as a verb', () => {
  it('reads "email" after a modal or a subject pronoun as the verb, not the e-mail service', () => {
    expect(first('can we email the rocketbox logins to the new agency?')).toMatch(
      /^rocketbox\.customer\.guard-access-data/,
    );
    expect(first('we mail the newsletter panel password to the interns, is that ok?')).toBe(
      'rocketnews.customer.panel-password',
    );
  });
  it('still reads it as the service after a modal alone, or a lone "i" (an Italian article too)', () => {
    expect(first('should email passwords be changed regularly?')).toBe('email.customer.password-change-policy');
    expect(first('will mail antivirus be updated every day?')).toBe('email.provider.antivirus-check');
    expect(first('i mail hanno l’antivirus aggiornato?')).toBe('email.provider.antivirus-check');
  });
  it('still reads it as the service elsewhere', () => {
    expect(first('how long are our email backups kept?')).toBe('email.provider.backup-control');
    expect(first('how long do they hang on to mail backups?')).toBe('email.provider.backup-control');
  });
});

describe('a keeping word before what is done', () => {
  it('reads "tenute SEGRETE", "tenuta AL SICURO" as a verb, not as a retention named (a "tenuta" is an estate too)', () => {
    expect(first('le password di plesk vanno tenute segrete?')).toBe('rocketweb.customer.guard-login-data');
    expect(first('la password di cifratura va tenuta al sicuro?')).toBe('1backup.customer.store-encryption-password');
  });
  it('keeps what the keeping word says for ranking: storing the encryption password still leads', () => {
    expect(first('the encryption password must be kept safe by who')).toBe(
      '1backup.customer.store-encryption-password',
    );
  });
  it('still reads keeping as retention before a noun or a question of time', () => {
    expect(first('quanto tempo vengono tenuti i backup della posta?')).toBe('email.provider.backup-control');
    expect(first('the mail backups are kept how long?')).toBe('email.provider.backup-control');
  });
});

describe('the cause of something that happened on a day', () => {
  it('abstains: the page records no incident ("why did … fail last NIGHT?", "on SUNDAY")', () => {
    expect(abstains('why did the rocketbox backup fail last night?')).toBe(true);
    expect(abstains('why did 1backup not run its backup on sunday?')).toBe(true);
  });
  it('reads "how come" and "come mai" as a why, not as a question for steps', () => {
    expect(abstains('how come the mail server was down last night?')).toBe(true);
    expect(abstains('come mai stamattina la posta non funzionava?')).toBe(true);
    expect(first('how come coretech checks the mail servers every day?')).toMatch(/^email\.provider\./);
  });
  it('still answers why the provider acted, what we do about its report, or a second question', () => {
    expect(first('why did coretech shut down our website yesterday')).toBe('rocketweb.provider.deactivation-on-report');
    expect(first('perché stamattina coretech ci ha segnalato un problema sul server?')).toBe(
      'stellar.customer.act-on-coretech-reports',
    );
    expect(first('why was the mail server down yesterday and who monitors it')).toBe(
      'email.provider.mail-server-monitoring',
    );
  });
  it('still answers a why asked of a schedule, or with a day only in another clause', () => {
    expect(first('why does coretech check the mail servers every morning?')).toMatch(/^email\.provider\./);
    expect(first('why does coretech keep the mail backups only 35 days? ask before monday')).toBe(
      'email.provider.backup-control',
    );
  });
});

describe('a brand before a sibling service’s alias', () => {
  it('reads "sygma REMOTE CONTROL" as Sygma Connect, whose name carries the brand', () => {
    expect(first('sygma remote control password rules?')).toBe('sygma-connect.customer.complex-passwords');
    expect(first('sygma remote desktop: who checks the archiving jobs?')).toMatch(/^sygma-connect\.customer\./);
  });
  it('still reads the brand alone as its own service', () => {
    expect(first('sygma password rules?')).toBe('sygma.customer.complex-passwords');
  });
});

describe('a phrase asking whose duty it is', () => {
  it('says no subject: "whose JOB is it", "our JOB" are not backup jobs', () => {
    expect(first('whose job is it to check the stellar backups?')).toBe('stellar.customer.check-backup-results');
  });
  it('still reads the jobs asked about', () => {
    expect(first('whose job is it to configure the 1backup jobs?')).toBe('1backup.customer.configure-backup-jobs');
  });
});

describe('a cardinal written as a word', () => {
  it('is read as the number it writes: "TRE settimane fa" is "3 settimane fa"', () => {
    expect(first('ho cancellato un file condiviso tre settimane fa, c’è ancora nel backup di rocketbox?')).toBe(
      'rocketbox.provider.backup-control',
    );
  });
  it('answers nothing the page does not: a number of things asked a price of is still out of scope', () => {
    expect(abstains('quanto costano tre caselle di posta in più?')).toBe(true);
  });
});

describe('a part of a service', () => {
  it('hints at its service and is no subject left out ("the ROOT password", "SSH credentials", "webmail")', () => {
    expect(first('who keeps the ssh credentials of our cloud servers safe?')).toBe(
      'stellar.customer.guard-access-data',
    );
    expect(first('is the webmail monitored by coretech?')).toBe('email.provider.mail-server-monitoring');
    expect(ids('chi custodisce la password di root delle vm?').slice(0, 2)).toEqual([
      'stellar.customer.server-passwords',
      'stellar.customer.guard-access-data',
    ]);
  });
  it('points at its own service when none is named: the root password is the cloud servers’', () => {
    expect(first('who guards the root password?')).toMatch(/^stellar\.customer\./);
  });
  it('still needs a question about the page: a part alone, what a part is, whether it is included, abstains', () => {
    for (const question of [
      'root?',
      'webmail',
      "cos'è htaccess?",
      'what is webmail?',
      'what is rdp on stellar',
      'is webmail included in the email service',
      'la webmail è inclusa nel servizio di posta?',
    ])
      expect(abstains(question), question).toBe(true);
    expect(first('what do we have to do for the webmail?')).toMatch(/^email\.customer\./);
  });
  it('is a subject of its own beside another service: SSH on the mail archive, root on the mail service', () => {
    expect(abstains('is ssh on the mail archive monitored?')).toBe(true);
    expect(abstains('who changes the root password of the mail archive?')).toBe(true);
    expect(abstains('can we use ssh on the email service?')).toBe(true);
    // However much else the question says of that service ("access", "possible").
    for (const question of [
      'ssh access on rocketweb?',
      "ssh sul mail archive c'è?",
      'rdp into the file share, possible?',
    ])
      expect(abstains(question), question).toBe(true);
  });
  it('in a clause of its own says how the team works, not what it asks ("…? we have no SSH there")', () => {
    expect(first('who updates the rocketweb servers? we have no ssh there')).toBe(
      'rocketweb.provider.keep-servers-updated',
    );
    expect(first("chi aggiorna sygma connect? abbiamo abbandonato l'rdp")).toBe(
      'sygma-connect.provider.keep-systems-updated',
    );
  });
  it('leaves every other unknown thing beside it a subject: our laptops, a phone', () => {
    expect(abstains('the root password of our laptops, who guards it?')).toBe(true);
    expect(abstains('how do I set up webmail on my phone?')).toBe(true);
  });
  it('is never a word the page already says: "syslog" keeps its meaning of system logs', () => {
    expect(first('who reads the syslog on our vps?')).toBe('stellar.customer.check-system-logs');
    expect(first('chi legge il syslog della vm?')).toBe('stellar.customer.check-system-logs');
  });
});

describe('a noun that goes with a service’s name', () => {
  it('is part of the name: "the file sharing TOOL", "lo STRUMENTO di controllo remoto"', () => {
    expect(first('what does coretech do for the file sharing tool?')).toMatch(/^rocketbox\.provider\./);
    expect(first('cosa dobbiamo fare noi per lo strumento di controllo remoto?')).toMatch(/^sygma-connect\.customer\./);
  });
  it('is no word for a service by itself: "platform?" does not ask for the list of services', () => {
    for (const question of ['platform', 'piattaforma?', "what's your platform?"])
      expect(abstains(question), question).toBe(true);
    expect(abstains('which services does coretech offer?')).toBe(false);
  });
  it('leaves the tools the page lists a subject of their own ("the Sygma TOOLS")', () => {
    expect(ids('the sygma tools, what are they?')).toContain('customer-hosted-data-security');
    expect(ids('gli strumenti di sygma quali sono?')).toContain('customer-hosted-data-security');
  });
});

describe('two aliases of one service that overlap', () => {
  it('are one mention: "i server dell’ARCHIVIAZIONE della posta" is the mail archive, not the mail', () => {
    expect(first("chi monitora i server dell'archiviazione della posta?")).toMatch(/^mailarchive\.provider\./);
    expect(first('i server di archiviazione della posta chi li aggiorna?')).toBe(
      'mailarchive.provider.keep-systems-updated',
    );
  });
  it('leaves the mail service its own words', () => {
    expect(first('chi controlla il server di posta?')).toBe('email.provider.mail-server-monitoring');
    expect(first('chi fa il backup delle caselle di posta?')).toMatch(/^email\./);
  });
});

describe('a question embedded in a clause saying who wants to know', () => {
  const same = (framed: string, plain: string) => expect(ids(framed), framed).toEqual(ids(plain));

  it('is answered as the question itself: the frame’s "I", "we", "find out", "tell us" are not asked about', () => {
    const plain = 'who checks the backups on rocketweb?';
    expect(first(plain)).toBe('rocketweb.provider.backup-control');
    for (const frame of [
      'I was wondering',
      "I'd like to know",
      'we need to know',
      'I need to find out',
      'can you tell us',
      'not sure',
    ])
      same(`${frame} ${plain}`, plain);
    same('we need to know what CoreTech does every day', 'what does CoreTech do every day?');
    same('I need to find out who monitors the mail servers', 'who monitors the mail servers');
  });

  it('is answered as the question itself in Italian: "dobbiamo sapere chi…", "mi sai dire se…"', () => {
    const plain = 'chi controlla i backup su rocketweb?';
    for (const frame of ['dobbiamo sapere', 'vorremmo sapere', 'ci serve sapere', 'mi sai dire', 'volevo capire'])
      same(`${frame} ${plain}`, plain);
  });

  it('leaves the words before the question word asked about when they are no frame', () => {
    // A verb the page speaks of is the question: "is it our job to INTERVENE when…".
    expect(first('è compito nostro intervenire quando CoreTech segnala problemi di sicurezza sul server?')).toBe(
      'stellar.customer.act-on-coretech-reports',
    );
    // The provider there is asked about: whether it tells us.
    expect(first('will coretech tell us if they find problems on our server?')).toMatch(/^stellar\.provider\./);
    // A question word in it: the question is asked before "if".
    expect(first('what do we do if the backup fails on rocketweb?')).toBe('rocketweb.customer.website-backup');
    // After a noun, "who" is a relative pronoun: "we" is the party asked about.
    expect(first('are we the ones who check the backups on rocketweb?')).toBe('rocketweb.customer.website-backup');
    // A thing before the verb is a story, or the subject put first, which the question points back at.
    expect(
      abstains('le luci della sala riunioni sfarfallano quando apriamo il pannello plesk, coretech le controlla?'),
    ).toBe(true);
    expect(abstains('il gestionale on premise chi lo aggiorna, noi o il fornitore?')).toBe(true);
    expect(abstains('i telefoni aziendali chi li aggiorna')).toBe(true);
  });

  it('reads "when", "if", "quando", "se" as embedding a question only after a verb of knowing', () => {
    same(
      'volevamo sapere quando coretech tratta i dati per conto nostro che ruolo ha?',
      'quando coretech tratta i dati per conto nostro che ruolo ha?',
    );
    expect(first('ci fate sapere se una casella viene bucata?')).toBe('email.provider.hacked-account-response');
    expect(wordClasses().knows('wondering')).toBe(true);
    expect(wordClasses().knows('chiesto')).toBe(true);
    expect(wordClasses().knows('act')).toBe(false);
    expect(wordClasses().knows('rispondere')).toBe(false);
    // After any other verb they open a condition or a time, which the words before it ask about.
    expect(first('do we have to act when coretech reports a problem?')).toBe('email.customer.act-on-coretech-reports');
    expect(first('dobbiamo rispondere quando coretech segnala un problema?')).toMatch(
      /\.customer\.act-on-coretech-reports$/,
    );
    expect(abstains('possiamo contestare se coretech disattiva il sito?')).toBe(true);
    expect(abstains('is it legal if we keep mail archives for ten years?')).toBe(false);
    expect(ids('is it legal if we keep mail archives for ten years?')[0]).toMatch(/^(email|mailarchive)\.customer\./);
    // The provider asked about: whether it tells us.
    expect(ids('do they inform us if the vps has a security problem?')).toContain(
      'stellar.provider.inform-client-problems',
    );
    // Whose duty it is is the question.
    expect(abstains('is it up to us to figure out if the site was hacked?')).toBe(true);
  });
});

describe('fillers the filler generator never uses', () => {
  const same = (variant: string, plain: string) => expect(ids(variant), variant).toEqual(ids(plain));

  it('reads a thank-you typed with a slip as the thank-you, also opening a sentence: "…? Thnaks a lot!", "…? grazzie!!"', () => {
    same('who handles backups on RocketWeb? Thnaks a lot!', 'who handles backups on RocketWeb?');
    same('chi fa il backup del sito? grazzie!!', 'chi fa il backup del sito?');
    // A slip towards a word people ask with is the typo corrector's to judge, not read as typed right.
    expect(abstains('vackup rocketweb?')).toBe(true);
  });

  it('reads chat shorthand after a question closed by its mark as a sign-off, not as shorthand for a word of the page', () => {
    same('how long are email backups kept? plz', 'how long are email backups kept?');
    same('quanto durano i backup della posta? plz', 'quanto durano i backup della posta?');
    // Beside a word that names something, it is no sign-off.
    expect(abstains('how long are email backups kept? btw dpo')).toBe(true);
    // Read in the message's language, "plz" is no word of the page: beside a bare noun after a
    // question complete in itself it reads as that noun alone does.
    same('how long are email backups kept? plz printer', 'how long are email backups kept? printer');
    // Inside the question it is still shorthand for what is asked.
    expect(first('bkp rocketweb?')).toBe('rocketweb.provider.backup-control');
  });

  it('reads a clause saying who asks, after the question, as no subject: "- asking for my manager"', () => {
    same('rocketwb backups - asking for my manager', 'rocketwb backups');
    same('retention rocketbox - lo chiede il mio capo', 'retention rocketbox');
    // A thing there, or a word of questions the page never answers, is what is asked about.
    expect(abstains('what do we have to do? - asking about the laptops')).toBe(true);
    expect(abstains('cosa dobbiamo fare? - chiedo per i portatili')).toBe(true);
    expect(abstains('what must we verify every day? - asking about the fines')).toBe(true);
  });

  it('reads a signature going on with a role or a company as the signature: "Best regards, Elena Conti, Finance"', () => {
    same('who handles backups on RocketWeb? Best regards, Elena Conti, Finance', 'who handles backups on RocketWeb?');
    same(
      'chi fa il backup del sito? Cordiali saluti, Roberta Gallo - Responsabile Amministrazione',
      'chi fa il backup del sito?',
    );
  });

  it('reads an Italian diminutive as the everyday word it softens: "domandina veloce:"', () => {
    same('<!channel> domandina veloce: chi fa il backup del sito?', 'chi fa il backup del sito?');
    expect(generalLanguage().isFrequent('domandina')).toBe(true);
    expect(generalLanguage().isFrequent('ransomwarina')).toBe(false);
    // An augmentative's shape is many a noun's: "canone" is no big dog.
    expect(generalLanguage().isFrequent('canone')).toBe(false);
  });

  it('reads an interjection ending the question’s own clause before a signature as a valediction: "…thanks, Anna"', () => {
    same('retention rocketbox thanks, Anna', 'retention rocketbox');
    // Any other word there is asked about.
    expect(abstains('backup laptops, Anna')).toBe(true);
    expect(abstains('who updates wordpress themes, Anna')).toBe(true);
    expect(abstains('is email archiving mandatory, Anna')).toBe(true);
  });

  it('leaves a last word no dictionary classes to the question: a place or a brand may be its subject', () => {
    expect(abstains('chi controlla la posta londra')).toBe(true);
    expect(abstains('chi gestisce le password ebay')).toBe(true);
  });

  it('reads a request to be told, last, as a closing: "…mi fate sapere?", "…let me know"', () => {
    same('elenca i compiti di CoreTech per la posta mi fate sapere? 🙂', 'elenca i compiti di CoreTech per la posta');
    same('conservazione backup email fatemi sapere', 'conservazione backup email');
    same('list CoreTech duties for email let me know', 'list CoreTech duties for email');
    // What stands before who is told is still the question's.
    expect(abstains('chi aggiorna le stampanti fatemi sapere')).toBe(true);
    expect(abstains('chi aggiorna il firmware mi fate sapere')).toBe(true);
    expect(abstains('chi protegge gli uffici mi fate sapere')).toBe(true);
  });

  it('reads chatter before a question naming its service as said around it: "FYI the client is chasing me on this."', () => {
    same(
      'afaik nobody wrote this down anywhere, so: who handles backups on RocketWeb?',
      'who handles backups on RocketWeb?',
    );
    same(
      'FYI the client is chasing me on this. who handles backups on RocketWeb?',
      'who handles backups on RocketWeb?',
    );
    same('Hi all, scusate il crossposting, chi fa il backup del sito?', 'chi fa il backup del sito?');
    same('our NAS died, who checks the backups on rocketweb?', 'who checks the backups on rocketweb?');
    // Before a question about a subject alone, a story may say whose it is; a heading has no verb.
    expect(abstains('the badge system at the entrance lost its data, how often should we do a restore test?')).toBe(
      true,
    );
    expect(abstains('Synology NAS: who does the backups?')).toBe(true);
    expect(abstains('the phone system dropped calls all morning, who monitors that?')).toBe(true);
    // A pronoun anywhere in the question points back at the story.
    expect(abstains('we record phone calls with customers, who stores them on RocketBox?')).toBe(true);
    expect(abstains('we use a custom CRM, who updates it on Stellar?')).toBe(true);
  });

  it('reads people greeted before the question as addressed: "Dear colleagues,", "Gentili colleghi,"', () => {
    same('Dear colleagues, how long are email backups kept?', 'how long are email backups kept?');
    same('Hello team, who checks the backups on rocketweb?', 'who checks the backups on rocketweb?');
    same('Gentili colleghi, chi fa il backup del sito?', 'chi fa il backup del sito?');
    // The question points back at them: they are what it asks about.
    expect(first('Hackers, who stops them on rocketweb?')).toBe('rocketweb.provider.deactivation-on-report');
    // A heading of the page's words narrows the question; an Italian everyday noun may be a thing.
    expect(first('Sicurezza: chi controlla l’antivirus della posta?')).toBe('email.provider.antivirus-check');
    expect(ids('Stampanti gentili: chi fa il backup?')).toEqual(ids('Stampanti: chi fa il backup?'));
    // People the question is about stay its subject.
    expect(first('Staff training, who does it?')).toBe('email.customer.user-awareness');
    expect(first('our employees, who trains them?')).toBe('email.customer.user-awareness');
  });

  it('judges a question naming nothing of the page alone after people greeted: they are no subject of it', () => {
    // "colleagues", "employees" are the staff the page trains: greeted, they are not asked about.
    expect(abstains('Dear colleagues, who is the president of France?')).toBe(true);
    expect(abstains('Hi colleagues, who won the match yesterday?')).toBe(true);
    expect(abstains('Hi employees, when is the christmas party?')).toBe(true);
    expect(abstains('Dear colleagues, is the office closed on Friday?')).toBe(true);
    // A question of the page after them is answered as it is alone.
    same('Hello users, who is responsible for phishing training?', 'who is responsible for phishing training?');
    same('Hi colleagues, what is a sub-processor?', 'what is a sub-processor?');
    // Pointed back at, or spoken to, they are what is asked about.
    expect(first('Dear colleagues, who trains them?')).toBe('email.customer.user-awareness');
    expect(first('Dear users, who keeps you aware?')).toBe('email.customer.user-awareness');
    expect(abstains('Dear customers, what must you do?')).toBe(false);
    // A noun of people alone is a heading, not a greeting.
    expect(first('Hackers, who stops those?')).toBe('email.provider.hacked-account-response');
  });
});

describe('a pronoun inside a phrasal verb', () => {
  it('reads "back it up", "report it to CoreTech" as the phrases "back up", "report to CoreTech"', () => {
    expect(first('who backs it up?')).not.toBe('abstained');
    expect(ids('who backs it up?').every((id) => /backup/.test(id))).toBe(true);
    expect(first('should we report this to coretech')).toMatch(/\.customer\.report-anomalies$/);
    expect(ids('we saw odd traffic from a vm, do we report it to coretech?')[0]).toBe(
      'stellar.customer.report-anomalies',
    );
    expect(first('can coretech shut it down?')).toMatch(/\.provider\.deactivation-on-report$/);
  });

  it('points back past the question at a thing named before it, rare or in capitals too', () => {
    expect(abstains('our NAS - who backs it up?')).toBe(true);
    expect(abstains('our office PCs - who backs them up?')).toBe(true);
    expect(abstains('the auditor asking about our laptops - who backs it up?')).toBe(true);
    // Not at a thing of the page the question names before it.
    expect(first('Hi Giulia, hope you are well. do we have to back up the site or is coretech doing it')).toMatch(
      /^rocketweb\./,
    );
  });

  it('after an auxiliary, contracted too, "it" is the subject: "isn\'t IT up to…"', () => {
    expect(first("Coffee machine is broken. Isn't it up to coretech to check the blacklists?")).toBe(
      'email.provider.blacklist-check',
    );
    expect(first("The intern broke the printer. Isn't it on us to set the mailbox passwords?")).toBe(
      'email.customer.mail-passwords',
    );
  });

  it('only between a verb and its particle or preposition: a determiner is no object', () => {
    // "that" opens a noun phrase here ("report THAT ISSUE"): nothing to skip, the question still asks whom to tell.
    expect(first('should we report that issue to coretech?')).toMatch(/\.customer\.report-anomalies$/);
    // A pronoun with no particle after it is read as before: still no answer invented.
    expect(abstains('can we back it')).toBe(abstains('can we back'));
  });
});

describe('"we" in an Italian verb', () => {
  it('not the auxiliary "abbiamo", which tells what we have, not whose duty is asked', () => {
    expect(first('abbiamo la posta su coretech: chi fa il backup?')).toBe('email.provider.backup-control');
    expect(first('abbiamo visto che il server è in blacklist, chi lo controlla?')).toBe(
      'email.provider.blacklist-check',
    );
  });
});

describe('the speaker giving their name before the question', () => {
  it('says who asks, with whatever department follows, in both languages', () => {
    const same = (variant: string, plain: string) => expect(ids(variant), variant).toEqual(ids(plain));
    same(
      'Salve, sono Davide del commerciale. chi deve fare il test di ripristino su MailArchive?',
      'chi deve fare il test di ripristino su MailArchive?',
    );
    same(
      "Hi, I'm Davide from sales. who has to run the restore test on MailArchive?",
      'who has to run the restore test on MailArchive?',
    );
    same('this is Anna from accounting, who checks the rocketweb backups?', 'who checks the rocketweb backups?');
  });

  it('only a first name after a copula of the first person, in a clause that asks nothing', () => {
    // "sono sicuro" is no name: the clause stays.
    expect(abstains('sono sicuro che il fornitore del gestionale fa il backup, chi lo controlla?')).toBe(true);
    // The question after the introduction is still judged: out of scope stays out of scope.
    expect(abstains('sono Davide del commerciale, quanto costa rocketweb?')).toBe(true);
  });
});

describe('a greeting spelt like a word of the page', () => {
  it('"Salve" (hello) is no form of "salvato" (saved), nor of the cue "salvo" (I save)', () => {
    for (const question of [
      'quanto fa 12 per 7',
      'chi paga se il server si rompe?',
      'come mi collego a Stellar in SSH?',
    ])
      expect(abstains(`Salve, ${question}`), question).toBe(abstains(question));
    expect(first('Salve, chi deve fare il test di ripristino su MailArchive?')).toBe(
      'mailarchive.customer.restore-test',
    );
    // A derived noun keeps the concept of its verb: "violazione" is still a breach.
    expect(first('pensiamo di aver subito una violazione, chi avvisiamo in coretech?')).toMatch(
      /\.customer\.report-anomalies$/,
    );
  });
});

describe('a question opening after a heading or a greeting', () => {
  it('asks for steps or for a cause from the start of its own clause', () => {
    expect(abstains('Sicurezza: come cambio la password della mia casella?')).toBe(true);
    expect(abstains('Salve, come cambio la password della mia casella?')).toBe(true);
    expect(abstains('Salve, perché ieri la posta di coretech non funzionava')).toBe(true);
  });
});

describe('the same thing said in another form', () => {
  it('reads a question pointing back at a story as asking about what the story told', () => {
    // "blasting" is context told before "what does CoreTech do about it?", not a subject.
    expect(first('a mailbox got hacked and is blasting spam to customers, what does coretech do about it?')).toBe(
      'email.provider.hacked-account-response',
    );
    // The story's thing stays the subject: the page covers neither laptops nor coffee machines.
    expect(abstains('one of our laptops got hacked and is sending spam, what does coretech do about it?')).toBe(true);
    expect(abstains('the coffee machine broke and is leaking water everywhere, what does coretech do about it?')).toBe(
      true,
    );
  });
});

describe('whose it is, said with "of", around what is passed on and who receives it', () => {
  it('finds what is passed on before an "of" phrase, and who receives it across one', () => {
    expect(ids('can we pass the admin password of the web hosting to the new developer of our agency?')).toContain(
      'rocketweb.customer.panel-passwords',
    );
    expect(ids('ok to give the root creds of the cloud server to an external agency?')).toContain(
      'stellar.customer.guard-access-data',
    );
    expect(ids('possiamo passare le credenziali di rocketbox al nuovo fornitore della contabilità?')).toContain(
      'rocketbox.customer.guard-access-data',
    );
  });

  it('still asks about what is passed on when it is nothing to keep secret', () => {
    expect(abstains('can we give the backup of the mail archive to the auditors of our bank?')).toBe(true);
  });
});

describe('words that point back or interject inside the question', () => {
  it('reads a reflexive pronoun as pointing at what is named, not as a subject', () => {
    expect(first('does coretech itself say it follows the gdpr?')).toBe('coretech-and-gdpr');
  });

  it('reads a verb before an interjection as saying something of the subject ("ran ok")', () => {
    expect(first('who has to verify that the sygma connect archiving ran ok?')).toBe(
      'sygma-connect.customer.check-archiving-outcome',
    );
    expect(first('how often do we have to verify the mail archiving ran ok?')).toBe(
      'mailarchive.customer.check-archiving-outcome',
    );
  });
});

describe('chat that stretches words and apologizes for asking', () => {
  it('reads a stretched word as the word under the stretch', () => {
    expect(first('soooo who handles backups on RocketWeb?')).toBe('rocketweb.provider.backup-control');
    expect(first('grazieeeee, chi controlla l’antivirus sull’hosting?')).toBe('rocketweb.provider.antivirus-check');
    expect(first('chi fa il backup del sito? ahahahah')).toBe('rocketweb.customer.website-backup');
    // The stretch hides no subject: laptops are still not on the page.
    expect(abstains('heyyyy does coretech back up our laptops?')).toBe(true);
  });

  it('reads what is apologized for as no subject, before or after the question, punctuated or not', () => {
    expect(first('sorry for the dumb q, who checks the backups on RocketWeb?')).toBe(
      'rocketweb.provider.backup-control',
    );
    expect(first('rocketbox retention sry for the huge message')).toBe('rocketbox.provider.backup-control');
    expect(first('who handles backups on RocketWeb? apologies for the noise in the channel')).toBe(
      'rocketweb.provider.backup-control',
    );
    expect(first('scusatemi per il papiro, chi controlla l’antivirus sull’hosting?')).toBe(
      'rocketweb.provider.antivirus-check',
    );
    // Greeted first: "all" there determines nothing of the apology.
    expect(first('Hi all, scusate il crossposting, cos’è il codice di condotta CISPE?')).toBe('cispe-member');
  });

  it('still abstains when the question itself is about something the page does not cover', () => {
    // The apology ends where a sentence opens: "is a phone number personal data" is asked.
    expect(abstains('sorry to bother is a phone number personal data')).toBe(true);
    expect(abstains('scusate il disturbo, chi ripara la stampante?')).toBe(true);
    expect(abstains('sorry, does coretech back up our laptops?')).toBe(true);
    // What the question points back at is its subject, apologized for or not.
    expect(abstains('sorry for the printer jam, who fixes it?')).toBe(true);
  });
});

describe('what is added after the question: a postscript, a signature, a sign-off', () => {
  it('reads a postscript after the question as no subject', () => {
    expect(first('chi fa il backup del sito? ps oggi piove a dirotto')).toBe('rocketweb.customer.website-backup');
    expect(first('who does the backups on rocketweb? P.S. the weather in Rome is awful')).toBe(
      'rocketweb.provider.backup-control',
    );
    // The subject is still not on the page: the postscript does not make it answerable.
    expect(abstains("does coretech back up our laptops? ps it's snowing")).toBe(true);
  });

  it('still reads a postscript that asks more as part of the question', () => {
    expect(abstains('who does the backups on rocketweb? ps and for the mail archive?')).toBe(false);
  });

  it('reads a sign-off after an unpunctuated question or a request as no subject', () => {
    expect(first('who checks the backups on Stellar Cheers, Tom')).toBe('stellar.customer.check-backup-results');
    expect(first('how long are RocketBox backups kept Much appreciated, Giulia')).toBe(
      'rocketbox.provider.backup-control',
    );
    expect(first('GDPR roles of CoreTech Cheers, Paolo')).toBe('coretech-roles');
    expect(abstains('does coretech back up our Laptops Cheers, Tom')).toBe(true);
  });

  it('does not read a capitalized name of a thing as a new sentence', () => {
    expect(abstains('is Email Marketing covered')).toBe(true);
    expect(abstains('does 1backup cover Time Machine')).toBe(true);
    expect(abstains('what does Italian law say about backups')).toBe(true);
  });
});

describe('a speaker saying for whom they ask', () => {
  it('is who asks, not the processor acting on behalf of the controller', () => {
    expect(first("Ciao, scrivo per conto dell'ufficio legale. cosa dobbiamo controllare ogni giorno?")).toBe(
      'stellar.customer.check-backup-results',
    );
    expect(first('hi all, asking on behalf of the legal folks — who checks the 1backup results?')).toBe(
      '1backup.customer.check-backup-results',
    );
  });

  it('reads the phrase opening its clause alone as saying it', () => {
    expect(
      first('Buongiorno a tutti. Per conto della direzione, chi deve fare il test di ripristino su MailArchive?'),
    ).toBe('mailarchive.customer.restore-test');
  });

  it('reads even a word of questions the page never answers as who asks, before a verb of asking', () => {
    expect(first('Il DPO chiede chi deve fare il test di ripristino su MailArchive?')).toBe(
      'mailarchive.customer.restore-test',
    );
    // Before a verb of knowing, a thing is still what is asked about.
    expect(abstains('the fine nobody knows who pays on RocketWeb?')).toBe(true);
  });

  it('leaves "on behalf of" the page\'s when the question says it', () => {
    expect(first('does CoreTech process data on behalf of us?')).toBe('coretech-as-sub-processor');
    expect(first('chi tratta i dati per conto nostro?')).toBe('definition-sub-processor');
  });
});

describe('a rare English word in "-ing" after a form of "be"', () => {
  it('is a verb in a progressive, not a subject', () => {
    expect(first('So I might be overthinking this but what does CoreTech do every day?')).toBe(
      'rocketweb.provider.backup-control',
    );
  });

  it('is a verb after a form of "be" and its subject too, when it asks', () => {
    expect(first('who checks the 1backup results?, or am I overthinking this?')).not.toBe('abstained');
  });

  it('is still the claim the page must word when said of the provider or a service', () => {
    expect(abstains('is CoreTech geo-replicating the Sygma backups?')).toBe(true);
    expect(abstains('is the backup deduplicating on 1Backup?')).toBe(true);
  });
});

describe('a question word after a determiner', () => {
  it('is a noun, so a doubt after the question asks nothing ("non ho capito LA COSA")', () => {
    expect(first('chi imposta la password del pannello RocketNews?, non sono sicuro di aver capito bene la cosa')).toBe(
      'rocketnews.customer.panel-password',
    );
    expect(first('una cosa: chi fa i backup su RocketWeb?')).toBe('rocketweb.provider.backup-control');
  });

  it('still asks after a demonstrative, a pronoun there', () => {
    expect(abstains('E questo quanto costa, il backup su 1Backup?')).toBe(true);
  });

  it('still asks after a determiner closing the clause before it', () => {
    expect(first("tbh I've been going back and forth on this, what does coretech do for sygma connect")).toBe(
      'sygma-connect.provider.status-check',
    );
  });
});

describe('a word of address, a reference or a doubt before the question', () => {
  it('reads a lone word opening the message as address or heading when the question names its service', () => {
    expect(first('Raga, chi fa il backup del sito?')).toBe('rocketweb.customer.website-backup');
    expect(first('Folks: who checks the antivirus on the hosting?')).toBe('rocketweb.provider.antivirus-check');
  });

  it('still reads a lone heading as the subject when the question points back at it or names no service', () => {
    expect(abstains('Laptops, who backs them up on RocketWeb?')).toBe(true);
    expect(abstains('NAS, chi fa il backup?')).toBe(true);
    expect(abstains('Dropbox, who handles backups on RocketWeb?')).toBe(true);
    // "Who handles Orbit?" asks nothing but the service: the heading is what is asked about.
    expect(abstains('MFA: who handles RocketWeb?')).toBe(true);
    expect(abstains('Smartphone, chi gestisce la posta?')).toBe(true);
  });

  it('reads a reference to a ticket by its code as saying which conversation', () => {
    expect(first('Rif. ticket #58213: chi controlla l’antivirus sull’hosting?')).toBe(
      'rocketweb.provider.antivirus-check',
    );
    expect(first('Following up on ticket INC-40217: how long are email backups kept?')).toBe(
      'email.provider.backup-control',
    );
    // What the question asks is still judged on its own: cost is not on the page.
    expect(abstains('ticket 58213: who pays for the backups on rocketweb?')).toBe(true);
  });

  it('reads a reference to a record as no heading before a question naming a subject of the page', () => {
    expect(first('Rif. ticket #58213: dove si trovano i data center di CoreTech?')).toBe('data-centre-italy');
    expect(first('Following up on ticket INC-40217: how often should we test a restore on 1Backup?')).toBe(
      '1backup.customer.restore-test',
    );
    // A story with a code still says whose the subject is; a device's model is no kind of record.
    expect(abstains('The badge system BDG1234 lost its data, how often should we test a restore?')).toBe(true);
    expect(abstains('La centralina ALR5501 ha perso la configurazione, chi fa i backup?')).toBe(true);
    // A short word opening the message may be an acronym written in sentence case: still a subject.
    expect(abstains('Vpn, chi la gestisce?')).toBe(true);
    expect(abstains('MFA: who checks the backups?')).toBe(true);
  });

  it('reads a standard, a year or an error code as the subject, not as a reference', () => {
    expect(abstains('ISO 27001: does RocketWeb comply?')).toBe(true);
    expect(abstains('Error 403: who handles RocketWeb?')).toBe(true);
    expect(abstains('Fattura 2024: chi gestisce RocketWeb?')).toBe(true);
  });

  it('reads "but" before the question word as opening the question', () => {
    expect(first('not sure this is the right channel but who handles the antivirus on rocket web')).toBe(
      'rocketweb.provider.antivirus-check',
    );
    expect(abstains('our printer broke but who fixes it')).toBe(true);
    // The question says nothing but the service: what comes before "but" is what is asked about.
    expect(abstains('we want mfa everywhere but who handles rocketweb')).toBe(true);
  });

  it('reads any word that names nothing beside chat shorthand after the question as a sign-off', () => {
    expect(first('chi aggiorna i server dell’hosting? asap plz, grazie')).toBe(
      'rocketweb.provider.keep-servers-updated',
    );
    // A noun beside the shorthand still names something.
    expect(abstains('chi aggiorna Stellar? plz laptop')).toBe(true);
  });
});

describe('when to answer, said after the question', () => {
  it('reads "when you can" after the question as no question of its own', () => {
    // "when" there is no "how often": the page still counts no employees.
    expect(abstains('how many employees does CoreTech have? let me know when you can.')).toBe(true);
    expect(abstains('quanti dipendenti ha CoreTech? Fatemi sapere quando potete.')).toBe(true);
    expect(first('chi fa il backup del sito? fatemi sapere quando potete.')).toBe('rocketweb.customer.website-backup');
    expect(first('who checks the backups on RocketWeb? if you can')).toBe('rocketweb.provider.backup-control');
  });
});

describe('a price asked of something', () => {
  it('is answered only by an item saying the price of that thing', () => {
    // The page prices one thing: the mail export, "to be quantified economically".
    expect(first('is the mailbox export free?')).toBe('email.provider.mail-export-on-request');
    expect(first("l'esportazione delle mail è gratis?")).toBe('email.provider.mail-export-on-request');
    // The backup's price is nowhere: the export's price is no answer to it.
    expect(abstains('quanto costa il backup?')).toBe(true);
    expect(abstains('who pays for the backup?')).toBe(true);
  });

  it('still lets an item answer how soon when it says so of what is asked, implied subjects included', () => {
    // Being hacked implies telling the provider (the pack's implications): the duty to report
    // anomalies promptly answers how soon, though it never says "hacked".
    for (const question of [
      'we think we got breached, who do we tell at coretech and how fast',
      'we got hacked, how fast do we have to let them know',
      'found a virus on the server, how quickly do we have to report it',
      'entro quanto va segnalata una violazione?',
      'ci hanno bucato il server, entro quanto dobbiamo avvisare?',
    ])
      expect(first(question), question).toMatch(/\.customer\.report-anomalies$/);
    // How fast a restore is done, the page never says.
    expect(abstains('quanto velocemente possiamo recuperare le mail cancellate')).toBe(true);
  });
});

describe('a word the pack translates with', () => {
  it('carries no concept the source does not say: "willingness" to export is no availability to monitor', () => {
    for (const question of ['who monitors the mail server?', 'chi monitora il server di posta?']) {
      expect(ids(question)[0]).toBe('email.provider.mail-server-monitoring');
      expect(ids(question)).not.toContain('email.provider.mail-export-on-request');
    }
  });
});

describe('what the GDPR is', () => {
  it('is answered by the definitions, not by a duty whose text says "defined policies"', () => {
    for (const question of ['what is the GDPR?', "cos'è il GDPR?", 'what does GDPR stand for?']) {
      expect(ids(question)[0], question).toBe('gdpr-definition');
      expect(ids(question), question).not.toContain('email.customer.password-change-policy');
    }
  });
});
