-- A PL/pgSQL body in dollar quotes, with a question mark and a semicolon inside.
CREATE FUNCTION greet(who text) RETURNS text AS $$
DECLARE
  greeting text := 'hello, ';
BEGIN
  RETURN greeting || who || '?';
END;
$$ LANGUAGE plpgsql;
