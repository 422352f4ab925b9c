"""Records found: tables whose cells a converter lost, read as runs of records of one shape.

- ``words``, ``tokens``: what each word holds (a value, a blank mark, a place stuck to a name)
  and the text as a stream of names and values;
- ``find``, ``split``, ``rows``, ``start``: runs of records of one shape, how well they split
  into columns, each cut into cells, and where a run starts;
- ``run_in``, ``trailing``, ``blocks``, ``name_codes``, ``places``: words run into a name, words
  after a row's figures, figures printed in a block after the names, codes and places stuck
  to a name;
- ``lead``, ``header``, ``fit``: the header the records leave above or before them, kept when
  its words agree with the numbers;
- ``grid``: the records made grid rows the table stage reads like any other.
"""
