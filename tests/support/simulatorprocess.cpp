// Written with its first user.
