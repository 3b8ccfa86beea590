// LiangxinModel
