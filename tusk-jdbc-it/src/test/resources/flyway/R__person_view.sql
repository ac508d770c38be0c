CREATE OR REPLACE VIEW person_names AS SELECT name FROM person;
