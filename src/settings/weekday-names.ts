/**
 * Names of the days of the week in English and Italian, accents stripped, with their ISO number
 * (1 = Monday). Settings accept them ("weekly_day: venerdì"); the answer engine reads them as a
 * time in a question ("the backup failed on Sunday"), never as its subject.
 */
export const WEEKDAY_NAMES: Readonly<Record<string, number>> = {
  monday: 1,
  lunedi: 1,
  tuesday: 2,
  martedi: 2,
  wednesday: 3,
  mercoledi: 3,
  thursday: 4,
  giovedi: 4,
  friday: 5,
  venerdi: 5,
  saturday: 6,
  sabato: 6,
  sunday: 7,
  domenica: 7,
};

/** Their short forms, for settings only: in a sentence "sat", "mar", "dom" are other words. */
export const WEEKDAY_ABBREVIATIONS: Readonly<Record<string, number>> = {
  mon: 1,
  lun: 1,
  tue: 2,
  mar: 2,
  wed: 3,
  mer: 3,
  thu: 4,
  gio: 4,
  fri: 5,
  ven: 5,
  sat: 6,
  sab: 6,
  sun: 7,
  dom: 7,
};
