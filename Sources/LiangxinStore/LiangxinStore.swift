// LiangxinStore
