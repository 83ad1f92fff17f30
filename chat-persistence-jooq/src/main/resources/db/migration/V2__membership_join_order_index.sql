-- A new membership takes the next join_order after the largest one; index it so that finding the
-- largest is a lookup, not a scan of every membership.
CREATE INDEX memberships_by_join_order ON memberships (join_order);
